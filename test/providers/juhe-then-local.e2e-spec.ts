import {
  ID_FRONT,
  ID_FRONT_FIELDS,
  type ProviderService,
  SIMULATED_FIELDS,
  startProviderService,
} from './provider-service.fixture';

/**
 * `RECOGNITION_PROVIDER=juhe-then-local` end to end: the upstream answers while it is up; with the simulator down
 * the real local engine reads `samples/id-front.jpg` and the order records `provider = 'local'`.
 */
describe('RECOGNITION_PROVIDER=juhe-then-local (service)', () => {
  let p: ProviderService;

  beforeAll(async () => {
    p = await startProviderService('juhe-then-local');
  }, 180_000);

  afterAll(() => p?.close(), 60_000);

  it('answers from the upstream while it is up (provider juhe)', async () => {
    const envelope = await p.recognize(ID_FRONT);
    expect(envelope).toMatchObject({ error_code: 0, result: SIMULATED_FIELDS });
    expect(await p.lastOrder()).toMatchObject({ provider: 'juhe', status: 'succeeded' });
  }, 120_000);

  it('answers from the local engine while the upstream is down (provider local)', async () => {
    await p.sim.down();
    const envelope = await p.recognize(ID_FRONT);
    expect(envelope).toMatchObject({ error_code: 0, reason: '操作成功', result: ID_FRONT_FIELDS });
    expect(envelope.result!['头像']).toMatch(/^\/9j\//);
    const order = await p.lastOrder();
    expect(order).toMatchObject({ orderid: envelope.result!.orderid, provider: 'local', status: 'succeeded' });
    expect(p.service.logs.lines).toContainEqual(expect.stringContaining('juhe unavailable'));
  }, 180_000);
});
