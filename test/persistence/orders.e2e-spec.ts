import { createHash, randomBytes } from 'node:crypto';
import { JuheErrorCode, isOrderId } from '@zhengjian/juhe';
import {
  DataCipher,
  ImageDigest,
  ORDERS,
  OrdersService,
  type FinishOrderInput,
  type OrdersPort,
} from '@zhengjian/orders';
import { startPersistence, type PersistenceHarness } from './persistence.harness';

jest.setTimeout(60_000);

/** A fake ID card: unique strings we can look for in the raw tables. */
const ID_NUMBER = '11010519491231002X';
const NAME = '张测试';
const RESULT = { 姓名: NAME, 公民身份号码: ID_NUMBER, 头像: 'data:image/jpeg;base64,/9j/AAA=' };
const IMAGE = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(`IMAGE-${ID_NUMBER}`), randomBytes(64)]);

function outcome(errorCode: number, result: FinishOrderInput['result'] = null): FinishOrderInput {
  return { errorCode, reason: `reason ${errorCode}`, result, provider: 'local', failureDetail: `detail ${errorCode}` };
}

describe(OrdersService.name, () => {
  let h: PersistenceHarness;
  let orders: OrdersPort;
  let apiKeyId: string;

  beforeAll(async () => {
    h = await startPersistence();
    orders = h.module.get<OrdersPort>(ORDERS);
    apiKeyId = (await h.keys.create({ name: 'orders test' })).id;
  });

  afterAll(async () => {
    await h?.close();
  });

  async function newOrder(extra: { ip?: string; mode?: 'sync' | 'async' } = {}) {
    return orders.create({
      apiKeyId,
      userid: 'u-1',
      cardType: 2,
      mode: 'async',
      image: IMAGE,
      mime: 'image/jpeg',
      ...extra,
    });
  }

  async function count(table: string, orderId: string): Promise<number> {
    const rows: { n: number }[] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE order_id = $1`,
      [orderId],
    );
    return rows[0].n;
  }

  it('is the same instance under ORDERS and its class', () => {
    expect(h.module.get(OrdersService)).toBe(orders);
  });

  it('creates a queued order with a Juhe order number and its encrypted image', async () => {
    const order = await newOrder();
    expect(isOrderId(order.orderid)).toBe(true);
    expect(order).toMatchObject({ apiKeyId, userid: 'u-1', cardType: 2, mode: 'async', status: 'queued', attempts: 0 });
    expect([order.errorCode, order.finishedAt, order.returnOrderId]).toEqual([null, null, false]);
    expect(order.createdAt).toBeInstanceOf(Date);
    expect(await orders.loadImage(order.id)).toEqual(IMAGE);
    expect(await orders.findByOrderId(order.orderid)).toEqual(order);
    expect(await orders.findById(order.id)).toEqual(order);
  });

  it.each([
    [JuheErrorCode.Success, 'succeeded', 1],
    [JuheErrorCode.RecognitionFailed, 'failed', 1],
    [JuheErrorCode.WrongCardType, 'failed', 0],
  ])('finishing an async order with %i → %s, %i billing row', async (code, status, billed) => {
    const order = await newOrder({ ip: '198.51.100.23' });
    expect(await orders.markProcessing(order.id)).toBe(true);
    const processing = await orders.findById(order.id);
    expect(processing).toMatchObject({ status: 'processing', attempts: 1 });
    expect(processing?.startedAt).toBeInstanceOf(Date);

    expect(await orders.finish(order.id, outcome(code, code === 0 ? RESULT : null))).toBe(true);
    const finished = await orders.findById(order.id);
    expect(finished).toMatchObject({ status, errorCode: code, reason: `reason ${code}`, provider: 'local' });
    expect(finished?.durationMs).toBeGreaterThanOrEqual(0);
    expect(await count('billing_records', order.id)).toBe(billed);
    const events: { error_code: number; ip: string; detail: string; api_key_id: string }[] = await h.dataSource.query(
      'SELECT error_code, ip, detail, api_key_id FROM error_events WHERE order_id = $1',
      [order.id],
    );
    expect(events).toEqual(
      code === 0 ? [] : [{ error_code: code, ip: '198.51.100.23', detail: `detail ${code}`, api_key_id: apiKeyId }],
    );
    expect(await orders.loadResult(order.id)).toEqual(code === 0 ? RESULT : null);
  });

  it('bills a sync order only when the api answers it: once, and only for 0 or 215305', async () => {
    const answered = await newOrder({ mode: 'sync' });
    expect(await orders.billAnswered(answered.id)).toBe(false); // not finished yet
    await orders.markProcessing(answered.id);
    expect(await orders.finish(answered.id, outcome(JuheErrorCode.RecognitionFailed))).toBe(true);
    expect(await count('billing_records', answered.id)).toBe(0);
    expect(await orders.billAnswered(answered.id)).toBe(true);
    expect(await orders.billAnswered(answered.id)).toBe(false);
    expect(await count('billing_records', answered.id)).toBe(1);
    const wrongCard = await newOrder({ mode: 'sync' });
    await orders.finish(wrongCard.id, outcome(JuheErrorCode.WrongCardType));
    expect(await orders.billAnswered(wrongCard.id)).toBe(false);
    expect(await count('billing_records', wrongCard.id)).toBe(0);
  });

  it('cancels an order no worker started (failed, an error row, no bill), never one already started', async () => {
    const reason = { errorCode: JuheErrorCode.NetworkError, reason: '网络错误,请稍后重试', detail: 'client gone' };
    const queued = await newOrder({ mode: 'sync', ip: '198.51.100.7' });
    expect(await orders.cancelUnstarted(queued.id, { ...reason, olderThanMs: 60_000 })).toBe(false); // too young
    expect(await orders.cancelUnstarted(queued.id, reason)).toBe(true);
    expect(await orders.findById(queued.id)).toMatchObject({ status: 'failed', errorCode: 215300, attempts: 0 });
    expect(await orders.markProcessing(queued.id)).toBe(false);
    expect(await count('billing_records', queued.id)).toBe(0);
    expect(await count('order_images', queued.id)).toBe(0);
    const events: unknown[] = await h.dataSource.query(
      'SELECT error_code, detail, ip, api_key_id FROM error_events WHERE order_id = $1',
      [queued.id],
    );
    expect(events).toEqual([{ error_code: 215300, detail: 'client gone', ip: '198.51.100.7', api_key_id: apiKeyId }]);
    const started = await newOrder({ mode: 'sync' });
    await orders.markProcessing(started.id);
    expect(await orders.cancelUnstarted(started.id, reason)).toBe(false);
    expect(await orders.findById(started.id)).toMatchObject({ status: 'processing' });
  });

  it('finishes only once: a second finish returns false and writes nothing', async () => {
    const order = await newOrder();
    await orders.markProcessing(order.id);
    expect(await orders.finish(order.id, outcome(0, RESULT))).toBe(true);
    expect(await orders.finish(order.id, outcome(JuheErrorCode.RecognitionFailed))).toBe(false);
    expect(await orders.markProcessing(order.id)).toBe(false);
    expect(await orders.findById(order.id)).toMatchObject({ status: 'succeeded', errorCode: 0, attempts: 1 });
    expect(await count('billing_records', order.id)).toBe(1);
    expect(await count('error_events', order.id)).toBe(0);
  });

  it('bills exactly once when 20 workers finish the same order at once', async () => {
    const order = await newOrder();
    await orders.markProcessing(order.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => orders.finish(order.id, outcome(0, RESULT))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await count('billing_records', order.id)).toBe(1);
  });

  it('counts attempts of re-runs and finishes an order that never started', async () => {
    const order = await newOrder();
    expect(await orders.markProcessing(order.id)).toBe(true);
    expect(await orders.markProcessing(order.id)).toBe(true);
    expect((await orders.findById(order.id))?.attempts).toBe(2);
    const never = await newOrder();
    expect(await orders.finish(never.id, outcome(JuheErrorCode.NetworkError))).toBe(true);
    expect(await orders.findById(never.id)).toMatchObject({ status: 'failed', attempts: 0 });
  });

  it('deletes the image once the order is finished', async () => {
    const order = await newOrder();
    await orders.finish(order.id, outcome(0, RESULT));
    expect(await orders.loadImage(order.id)).toBeNull();
    expect(await count('order_images', order.id)).toBe(0);
  });

  it('keeps nothing personal in clear text: results and images are AES-GCM ciphertext bound to their row', async () => {
    const order = await newOrder();
    await orders.finish(order.id, outcome(0, RESULT));
    const other = await newOrder();
    const dump: { t: string }[] = await h.dataSource.query(
      `SELECT concat_ws('|', (SELECT string_agg(o::text, '|') FROM orders o), (SELECT string_agg(i::text, '|') FROM order_images i),
        (SELECT string_agg(encode(bytes_enc, 'escape'), '|') FROM order_images)) AS t`,
    );
    for (const secret of [ID_NUMBER, NAME, `IMAGE-${ID_NUMBER}`, '/9j/AAA=']) expect(dump[0].t).not.toContain(secret);

    const [raw]: { result_enc: string }[] = await h.dataSource.query('SELECT result_enc FROM orders WHERE id = $1', [
      order.id,
    ]);
    expect(raw.result_enc).toMatch(/^v1:/);
    const cipher = h.module.get(DataCipher);
    expect(cipher.decryptJson(raw.result_enc, `orders.result:${order.id}`)).toEqual(RESULT);
    const [image]: { bytes_enc: Buffer }[] = await h.dataSource.query(
      'SELECT bytes_enc FROM order_images WHERE order_id = $1',
      [other.id],
    );
    expect(cipher.decrypt(image.bytes_enc, `order_images:${other.id}`)).toEqual(IMAGE);
    expect(() => cipher.decrypt(image.bytes_enc, `order_images:${order.id}`)).toThrow();
  });

  it('stores the image digest keyed by DATA_KEY, equal for equal images, never the plain SHA-256', async () => {
    const first = await newOrder();
    const second = await newOrder();
    const rows: { image_sha256: string }[] = await h.dataSource.query(
      'SELECT image_sha256 FROM orders WHERE id = ANY($1) ORDER BY created_at',
      [[first.id, second.id]],
    );
    const expected = new ImageDigest(h.config.dataKey).of(IMAGE);
    expect(rows.map((r) => r.image_sha256)).toEqual([expected, expected]);
    expect(expected).not.toBe(createHash('sha256').update(IMAGE).digest('hex'));
  });

  it('finds orders stuck in queued or processing, oldest first', async () => {
    const queued = await newOrder();
    const processing = await newOrder();
    await orders.markProcessing(processing.id);
    const done = await newOrder();
    await orders.finish(done.id, outcome(0, RESULT));
    await h.dataSource.query(`UPDATE orders SET updated_at = now() - interval '10 minutes' WHERE id = ANY($1)`, [
      [queued.id, processing.id, done.id],
    ]);
    await h.dataSource.query(`UPDATE orders SET updated_at = now() - interval '11 minutes' WHERE id = $1`, [
      processing.id,
    ]);
    const stuck = await orders.findStuck(5 * 60_000, 100);
    expect(stuck.map((o) => o.id)).toEqual([processing.id, queued.id]);
    expect(await orders.findStuck(5 * 60_000, 1)).toHaveLength(1);
    expect((await orders.findStuck(20 * 60_000, 100)).map((o) => o.id)).not.toContain(queued.id);
  });

  it('records request errors that never became an order, with key and IP', async () => {
    await orders.recordRequestError({
      apiKeyId,
      errorCode: 10012,
      reason: '请求超过次数限制',
      detail: 'quota',
      ip: '2001:db8::1',
    });
    await orders.recordRequestError({ apiKeyId, errorCode: 10012, reason: '请求超过次数限制', ip: '2001:db8::1' });
    // Without a known key: counted per code, IP and minute.
    for (let i = 0; i < 3; i++) {
      await orders.recordRequestError({ errorCode: 10001, reason: '错误的请求KEY', ip: '203.0.113.5' });
    }
    await orders.recordRequestError({ errorCode: 10001, reason: '错误的请求KEY', ip: '203.0.113.6' });
    const rows: unknown[] = await h.dataSource.query(
      `SELECT api_key_id, error_code, reason, detail, ip, count, minute IS NOT NULL AS counted
         FROM error_events WHERE order_id IS NULL ORDER BY error_code, ip`,
    );
    const row = (apiKey: string | null, code: number, reason: string, detail: string | null, ip: string) => ({
      api_key_id: apiKey,
      error_code: code,
      reason,
      detail,
      ip,
    });
    expect(rows).toEqual([
      { ...row(null, 10001, '错误的请求KEY', null, '203.0.113.5'), count: 3, counted: true },
      { ...row(null, 10001, '错误的请求KEY', null, '203.0.113.6'), count: 1, counted: true },
      { ...row(apiKeyId, 10012, '请求超过次数限制', 'quota', '2001:db8::1'), count: 1, counted: false },
      { ...row(apiKeyId, 10012, '请求超过次数限制', null, '2001:db8::1'), count: 1, counted: false },
    ]);
  });
});

describe(`${OrdersService.name} with RETAIN_IMAGES`, () => {
  let h: PersistenceHarness;

  beforeAll(async () => {
    h = await startPersistence({ retainImages: true });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('keeps the encrypted image after the order is finished', async () => {
    const orders = h.module.get<OrdersPort>(ORDERS);
    const { id: apiKeyId } = await h.keys.create({ name: 'retain' });
    const order = await orders.create({ apiKeyId, cardType: 3, mode: 'async', image: IMAGE, returnOrderId: true });
    expect(await orders.finish(order.id, outcome(0, RESULT))).toBe(true);
    expect(await orders.loadImage(order.id)).toEqual(IMAGE);
    expect((await orders.findById(order.id))?.returnOrderId).toBe(true);
  });
});
