import {
  APPKEY,
  ID_FRONT,
  type ProviderService,
  SIMULATED_FIELDS,
  startProviderService,
} from './provider-service.fixture';
import { JuheSimulator } from '../juhe-simulator/juhe-simulator';

/**
 * `RECOGNITION_PROVIDER=juhe` end to end: the real api and worker forward to the Juhe simulator; the order records
 * `provider = 'juhe'`; account errors become 10014; an unreachable upstream answers 215300.
 */
describe('RECOGNITION_PROVIDER=juhe (service)', () => {
  let p: ProviderService;

  beforeAll(async () => {
    p = await startProviderService('juhe');
  }, 120_000);

  afterAll(() => p?.close(), 60_000);

  it('answers the upstream fields in our key order and records provider juhe', async () => {
    const envelope = await p.recognize(ID_FRONT);
    expect(envelope).toEqual({
      error_code: 0,
      reason: '操作成功',
      result: {
        保留: '',
        ...{ 姓名: '', 性别: '', 民族: '', 出生: '', 住址: '' },
        ...SIMULATED_FIELDS,
        住址: '',
        头像: '',
        orderid: expect.stringMatching(/^JH\d{22}$/),
      },
    });
    expect(Object.keys(envelope.result!)).toEqual([
      '保留',
      '姓名',
      '性别',
      '民族',
      '出生',
      '住址',
      '公民身份号码',
      '头像',
      'orderid',
    ]);
    expect(await p.lastOrder()).toMatchObject({
      orderid: envelope.result!.orderid,
      provider: 'juhe',
      status: 'succeeded',
    });
    const forwarded = p.sim.requests.at(-1);
    expect(forwarded).toMatchObject({ key: APPKEY, cardType: '2', imageSha256: JuheSimulator.sha256(ID_FRONT) });
  }, 120_000);

  it('does not load the local OCR models', () => {
    expect(p.service.logs.lines).toContainEqual(expect.stringContaining('recognition provider: juhe'));
    expect(p.service.logs.lines.filter((line) => line.includes('OCR models loaded'))).toEqual([]);
  });

  it('turns the upstream account error 10012 into 10014, recorded for the operator, the appkey never logged', async () => {
    await p.sim.accountError(10012);
    const envelope = await p.recognize(ID_FRONT);
    expect(envelope).toMatchObject({ error_code: 10014, result: null });
    const order = await p.lastOrder();
    expect(order).toMatchObject({ provider: 'juhe', status: 'failed', error_code: 10014 });
    const { rows } = await p.service.sql.query(
      'SELECT e.detail FROM error_events e JOIN orders o ON o.id = e.order_id WHERE o.orderid = $1',
      [order.orderid],
    );
    expect(rows).toEqual([{ detail: 'upstream account error 10012' }]);
    expect(p.service.logs.lines.filter((line) => line.includes(APPKEY))).toEqual([]);
  }, 120_000);

  it('answers 215300 (unbilled) while the upstream is down, and the order says juhe', async () => {
    await p.sim.down();
    const envelope = await p.recognize(ID_FRONT);
    expect(envelope).toEqual({ error_code: 215300, reason: '网络错误,请稍后重试', result: null });
    const order = await p.lastOrder();
    expect(order).toMatchObject({ provider: 'juhe', status: 'failed', error_code: 215300 });
    const { rows } = await p.service.sql.query(
      'SELECT count(*)::int AS n FROM billing_records b JOIN orders o ON o.id = b.order_id WHERE o.orderid = $1',
      [order.orderid],
    );
    expect(rows[0].n).toBe(0);
  }, 120_000);
});
