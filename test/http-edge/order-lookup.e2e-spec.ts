import request from 'supertest';
import { seedOrder } from '../admin/admin.fixture';
import { type RunningService, startService } from '../service/service.harness';

/**
 * `GET /v1/recognitions/:orderid` must not tell an order of another key from no order at all: both take one query
 * filtered by key and orderid and get the same bytes back.
 */
describe('async order lookup across keys (service)', () => {
  let service: RunningService;
  let owner: { id: string; key: string };
  let other: { id: string; key: string };
  let orderid: string;

  beforeAll(async () => {
    service = await startService({}, { withWorker: false });
    owner = await service.createKey();
    other = await service.createKey();
    orderid = (await seedOrder(service, { apiKeyId: owner.id, cardType: 2, errorCode: 0 })).orderid;
  }, 180_000);

  afterAll(() => service?.close(), 60_000);

  const lookup = (id: string, key: string) =>
    request(service.api.getHttpServer()).get(`/v1/recognitions/${id}`).set('X-Api-Key', key);

  it('answers another key’s order and an unknown orderid with byte-identical 404s', async () => {
    const unknown = `JH${'0'.repeat(8)}${orderid.slice(10, 20)}9999`;
    expect(unknown).toMatch(/^JH\d{22}$/);
    expect(unknown).not.toBe(orderid);
    const theirs = await lookup(orderid, other.key);
    const missing = await lookup(unknown, other.key);
    const answer = (res: request.Response) => ({
      status: res.status,
      type: res.headers['content-type'] as unknown,
      length: res.headers['content-length'] as unknown,
      text: res.text,
    });
    expect(answer(theirs)).toEqual(answer(missing));
    expect(answer(theirs)).toEqual({
      status: 404,
      type: 'application/json; charset=utf-8',
      length: String(Buffer.byteLength(theirs.text)),
      text: '{"error_code":215401,"reason":"order not found","result":null}',
    });
  });

  it('still shows the order to the key that created it', async () => {
    const mine = await lookup(orderid, owner.key);
    expect(mine.status).toBe(200);
    expect((mine.body as { orderid: string }).orderid).toBe(orderid);
  });
});
