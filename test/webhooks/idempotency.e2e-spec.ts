import request from 'supertest';
import { ORDERS, type OrdersPort } from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';
import { requestFingerprint } from '../../apps/api/src/idempotency/request-fingerprint';
import { type ServiceImages, serviceImages } from '../service/images.fixture';
import { type RunningService, eventually, nextIp, startService } from '../service/service.harness';

const SLOW = 180_000;

/**
 * `Idempotency-Key` on `POST /v1/recognitions` against the real api, worker and Postgres: replay (one order, one
 * bill, no quota spent), a different body (422), concurrent duplicates (409), release after a refusal, expiry.
 */
describe('idempotent async submissions (service)', () => {
  let service: RunningService;
  let images: ServiceImages;

  beforeAll(async () => {
    images = await serviceImages(4);
    service = await startService({ webhookAllowPrivate: true });
  }, SLOW);

  afterAll(() => service?.close(), 60_000);

  const post = (apiKey: string, idempotencyKey: string | undefined) => {
    const req = request(service.api.getHttpServer())
      .post('/v1/recognitions')
      .set('X-Forwarded-For', nextIp())
      .set('X-Api-Key', apiKey);
    return idempotencyKey === undefined ? req : req.set('Idempotency-Key', idempotencyKey);
  };
  const blank = () => images.blankJpeg.toString('base64');
  const count = async (sql: string, params: unknown[]) =>
    Number((await service.sql.query<{ n: string }>(sql, params)).rows[0].n);
  const ordersOf = (apiKeyId: string) => count('SELECT count(*) AS n FROM orders WHERE api_key_id = $1', [apiKeyId]);

  it(
    'replays the first 202 for the same key and body (Base64 or the same bytes as pic): one order, one bill',
    async () => {
      const key = await service.apiKeys.create({ name: 'idem-replay', totalQuota: 1 });
      const first = await post(key.key, 'order-7').send({ cardType: 2, base64: blank(), userid: 'u7' });
      expect(first.status).toBe(202);
      const again = await post(key.key, 'order-7').send({
        cardType: '2',
        base64: `data:image/jpeg;base64,${blank()}`,
        userid: 'u7',
      });
      const asFile = await post(key.key, 'order-7')
        .field('cardType', '2')
        .field('userid', 'u7')
        .attach('pic', images.blankJpeg, { filename: 'x.jpg', contentType: 'image/jpeg' });
      for (const replay of [again, asFile]) {
        expect(replay.status).toBe(202);
        expect(replay.body).toEqual(first.body);
        // The first answer byte for byte, keys in the same order (jsonb stores them its own way).
        expect(replay.text).toBe(first.text);
        expect(replay.headers['idempotent-replayed']).toBe('true');
      }
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      // Replays spend no quota: the key's single request is still the only one counted.
      const over = await post(key.key, 'order-8').send({ cardType: 2, base64: blank() });
      expect([over.status, over.body.error_code]).toEqual([429, 10012]);
      expect(await ordersOf(key.id)).toBe(1);
      await eventually(async () => {
        const res = await request(service.api.getHttpServer())
          .get(`/v1/recognitions/${first.body.orderid}`)
          .set('X-Api-Key', key.key);
        return res.body.status === 'failed' ? res : undefined;
      }, 120_000);
      expect(await count('SELECT count(*) AS n FROM billing_records WHERE api_key_id = $1', [key.id])).toBe(1);
    },
    SLOW,
  );

  it('answers 422 when the key comes back with a different body, and keeps the first answer', async () => {
    const key = await service.apiKeys.create({ name: 'idem-mismatch' });
    const first = await post(key.key, 'k-1').send({ cardType: 2, base64: blank() });
    const other = await post(key.key, 'k-1').send({ cardType: 3, base64: blank() });
    expect(other.status).toBe(422);
    expect(other.body).toEqual({
      error_code: 215404,
      reason: 'Idempotency-Key already used with a different request',
      result: null,
    });
    const back = await post(key.key, 'k-1').send({ cardType: 2, base64: blank() });
    expect([back.status, back.body]).toEqual([202, first.body]);
    expect(await ordersOf(key.id)).toBe(1);
  });

  it('answers 409 while the first request with the key is still being accepted', async () => {
    const key = await service.apiKeys.create({ name: 'idem-lock' });
    // A first request with the same body, in flight: it holds the row without a response yet.
    const hash = requestFingerprint({
      cardType: '2',
      userid: undefined,
      callbackUrl: undefined,
      detail: false,
      crop: false,
      image: { kind: 'base64', text: blank() },
    });
    await service.sql.query(
      `INSERT INTO idempotency_keys (api_key_id, key, request_hash, response) VALUES ($1, 'busy', $2, NULL)`,
      [key.id, hash],
    );
    const res = await post(key.key, 'busy').send({ cardType: 2, base64: blank() });
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe(215405);
    expect(await ordersOf(key.id)).toBe(0);
  });

  it('lets exactly one of several concurrent duplicates create the order', async () => {
    const key = await service.apiKeys.create({ name: 'idem-race' });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post(key.key, 'race').send({ cardType: 2, base64: blank() })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
    const accepted = answers.filter((a) => a.status === 202);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(new Set(accepted.map((a) => a.body.orderid)).size).toBe(1);
    for (const busy of answers.filter((a) => a.status === 409)) expect(busy.body.error_code).toBe(215405);
    expect(await ordersOf(key.id)).toBe(1);
  });

  it('frees the key after a refused request, scopes keys per API key, and ignores expired rows', async () => {
    const key = await service.apiKeys.create({ name: 'idem-scope' });
    const refused = await post(key.key, 'retry-me').send({ cardType: 99999, base64: blank() });
    expect([refused.status, refused.body.error_code]).toEqual([400, 215303]);
    const fixed = await post(key.key, 'retry-me').send({ cardType: 2, base64: blank() });
    expect(fixed.status).toBe(202);

    const neighbour = await service.apiKeys.create({ name: 'idem-neighbour' });
    const theirs = await post(neighbour.key, 'retry-me').send({ cardType: 2, base64: blank() });
    expect(theirs.status).toBe(202);
    expect(theirs.body.orderid).not.toBe(fixed.body.orderid);

    await service.sql.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE api_key_id = $1`,
      [key.id],
    );
    const later = await post(key.key, 'retry-me').send({ cardType: 3, base64: blank() });
    expect(later.status).toBe(202);
    expect(later.body.orderid).not.toBe(fixed.body.orderid);
    const invalid = await post(key.key, 'bad key with spaces').send({ cardType: 2, base64: blank() });
    expect([invalid.status, invalid.body.error_code]).toEqual([400, 215403]);
  });

  it(
    'keeps one order and one bill when the api dies right after the order commit and the retry comes after the lock',
    async () => {
      const key = await service.apiKeys.create({ name: 'idem-crash' });
      const orders = service.api.get<OrdersPort>(ORDERS);
      const create = orders.create.bind(orders);
      // The process "dies" right after the order's transaction committed: nothing after it runs.
      const crash = jest.spyOn(orders, 'create').mockImplementationOnce(async (input) => {
        await create(input);
        throw new Error('api killed right after the order commit (simulated)');
      });
      const first = await post(key.key, 'crash-1').send({ cardType: 2, base64: blank(), userid: 'c1' });
      crash.mockRestore();
      expect([first.status, first.body.error_code]).toEqual([500, 10014]);
      // The retry comes once the 120 s lock of a dead request has expired.
      await service.sql.query(
        `UPDATE idempotency_keys SET created_at = now() - interval '121 seconds' WHERE api_key_id = $1`,
        [key.id],
      );
      const retry = await post(key.key, 'crash-1').send({ cardType: 2, base64: blank(), userid: 'c1' });
      const { rows } = await service.sql.query<{ id: string; orderid: string }>(
        'SELECT id, orderid FROM orders WHERE api_key_id = $1',
        [key.id],
      );
      expect(rows).toHaveLength(1);
      expect([retry.status, retry.body, retry.headers['idempotent-replayed']]).toEqual([
        202,
        { orderid: rows[0]!.orderid, status: 'queued' },
        'true',
      ]);
      // The dead request never enqueued its order: the sweeper's requeue does.
      await service.api.get(RecognitionQueue).requeue(rows[0]!);
      await eventually(async () => {
        const res = await request(service.api.getHttpServer())
          .get(`/v1/recognitions/${rows[0]!.orderid}`)
          .set('X-Api-Key', key.key);
        return res.body.status === 'failed' ? res : undefined;
      }, 120_000);
      expect(await count('SELECT count(*) AS n FROM billing_records WHERE api_key_id = $1', [key.id])).toBe(1);
    },
    SLOW,
  );
});
