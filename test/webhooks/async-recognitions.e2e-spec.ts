import sharp from 'sharp';
import request from 'supertest';
import { type ServiceImages, serviceImages } from '../service/images.fixture';
import { type RunningService, eventually, nextIp, startService } from '../service/service.harness';
import { type VerifySignature, loadVerifySnippet } from './verify-snippet';
import { WebhookReceiver } from './webhook-receiver';

const ORDER_ID = /^JH\d{22}$/;
const SLOW = 180_000;

/**
 * The async API against the real api and worker (Postgres, Redis, OCR): 202 then the order by GET, the signed
 * webhook (checked with the README's receiver code), retries, per-key visibility, and the callbackUrl policy.
 */
describe('async recognitions and webhooks (service)', () => {
  let service: RunningService;
  let images: ServiceImages;
  let receiver: WebhookReceiver;
  let verify: VerifySignature;
  let key: { id: string; key: string; webhookSecret: string | null };

  beforeAll(async () => {
    verify = loadVerifySnippet();
    images = await serviceImages(3);
    receiver = new WebhookReceiver();
    await receiver.start();
    service = await startService({ webhookAllowPrivate: true, webhookRetryBaseMs: 300, webhookMaxAttempts: 4 });
    key = await service.apiKeys.create({ name: 'async' });
  }, SLOW);

  afterAll(async () => {
    await service?.close();
    await receiver?.stop();
  }, 60_000);

  const http = () => request(service.api.getHttpServer());
  const submit = (body: Record<string, unknown>, apiKey = key.key) =>
    http().post('/v1/recognitions').set('X-Forwarded-For', nextIp()).set('X-Api-Key', apiKey).send(body);
  const read = (orderid: string, apiKey = key.key) =>
    http().get(`/v1/recognitions/${orderid}`).set('X-Forwarded-For', nextIp()).set('X-Api-Key', apiKey);
  const finished = (orderid: string) =>
    eventually(async () => {
      const res = await read(orderid);
      return res.body.status === 'succeeded' || res.body.status === 'failed' ? res : undefined;
    }, 120_000);

  it(
    'accepts an ID front with 202, serves the exact result by GET and delivers a signed webhook without personal data',
    async () => {
      const res = await submit({
        cardType: 2,
        base64: images.front.toString('base64'),
        userid: 'kyc-42',
        callbackUrl: receiver.url('/hooks/happy'),
      });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ orderid: expect.stringMatching(ORDER_ID), status: 'queued' });
      const { orderid } = res.body as { orderid: string };

      const done = await finished(orderid);
      expect(done.status).toBe(200);
      expect(done.body).toEqual({
        orderid,
        userid: 'kyc-42',
        cardType: 2,
        status: 'succeeded',
        error_code: 0,
        reason: '操作成功',
        result: { 保留: '', ...images.frontExpected, 头像: expect.stringMatching(/^\/9j\//) },
      });

      const [hook] = await eventually(async () => {
        const got = receiver.at('/hooks/happy');
        return got.length > 0 ? got : undefined;
      }, 30_000);
      expect(verify(hook.rawBody, hook.headers, key.webhookSecret ?? '')).toBe(true);
      expect(verify(hook.rawBody, hook.headers, 'whsec_wrong')).toBe(false);
      expect(verify(Buffer.concat([hook.rawBody, Buffer.from(' ')]), hook.headers, key.webhookSecret ?? '')).toBe(
        false,
      );
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.headers['x-zhengjian-attempt']).toBe('1');
      expect(hook.headers['x-zhengjian-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      const body = JSON.parse(hook.rawBody.toString('utf8')) as Record<string, unknown>;
      expect(body).toEqual({
        event: 'recognition.completed',
        orderid,
        userid: 'kyc-42',
        cardType: 2,
        status: 'succeeded',
        error_code: 0,
        occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      // No personal data in the webhook, nor in any log line of the api and the worker; no secret in the logs.
      const raw = hook.rawBody.toString('utf8');
      const personal = [
        images.frontExpected['姓名'],
        images.frontExpected['公民身份号码'],
        images.frontExpected['住址'],
      ];
      expect(personal.every((value) => typeof value === 'string' && value.length > 1)).toBe(true);
      expect(service.logs.lines.length).toBeGreaterThan(0); // the scan below needs captured logs to mean anything
      for (const value of personal) {
        expect(raw).not.toContain(value);
        expect(service.logs.lines.filter((line) => line.includes(value))).toEqual([]);
      }
      expect(service.logs.lines.filter((line) => line.includes(key.webhookSecret ?? '-'))).toEqual([]);
    },
    SLOW,
  );

  it(
    'retries a receiver that fails twice: three attempts recorded, delivered on the third, same delivery id',
    async () => {
      receiver.failFirst('/hooks/flaky', 2);
      const res = await submit({
        cardType: '2',
        base64: images.blankJpeg.toString('base64'),
        callbackUrl: receiver.url('/hooks/flaky'),
      });
      expect(res.status).toBe(202);
      const { orderid } = res.body as { orderid: string };
      const hooks = await eventually(async () => {
        const got = receiver.at('/hooks/flaky');
        return got.some((h) => h.answered === 204) ? got : undefined;
      }, 60_000);
      expect(hooks.map((h) => [h.headers['x-zhengjian-attempt'], h.answered])).toEqual([
        ['1', 500],
        ['2', 500],
        ['3', 204],
      ]);
      expect(new Set(hooks.map((h) => h.headers['x-zhengjian-delivery'])).size).toBe(1);
      for (const hook of hooks) expect(verify(hook.rawBody, hook.headers, key.webhookSecret ?? '')).toBe(true);
      expect(JSON.parse(hooks[2].rawBody.toString('utf8'))).toMatchObject({
        orderid,
        status: 'failed',
        error_code: 215305,
      });
      const rows = await eventually(async () => {
        const { rows: found } = await service.sql.query<{ attempt: number; status: string; status_code: number }>(
          `SELECT d.attempt, d.status, d.status_code, d.duration_ms, d.error FROM webhook_deliveries d
             JOIN orders o ON o.id = d.order_id WHERE o.orderid = $1 ORDER BY d.attempt`,
          [orderid],
        );
        return found.at(-1)?.status === 'delivered' ? found : undefined;
      }, 10_000);
      expect(rows).toEqual([
        { attempt: 1, status: 'retrying', status_code: 500, duration_ms: expect.any(Number), error: 'HTTP 500' },
        { attempt: 2, status: 'retrying', status_code: 500, duration_ms: expect.any(Number), error: 'HTTP 500' },
        { attempt: 3, status: 'delivered', status_code: 204, duration_ms: expect.any(Number), error: null },
      ]);
    },
    SLOW,
  );

  it(
    "answers 404 with the same body for another key's order and for an unknown id, 401 without a key",
    async () => {
      const res = await submit({ cardType: 2, base64: images.tinyJpeg.toString('base64') });
      const { orderid } = res.body as { orderid: string };
      const other = await service.apiKeys.create({ name: 'other' });
      const foreign = await read(orderid, other.key);
      const unknown = await read('JH0000000000000000000000', other.key);
      const garbage = await read('not-an-order', other.key);
      for (const answer of [foreign, unknown, garbage]) {
        expect(answer.status).toBe(404);
        expect(answer.body).toEqual({ error_code: 215401, reason: 'order not found', result: null });
      }
      const anonymous = await http().get(`/v1/recognitions/${orderid}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual({ error_code: 10001, reason: '错误的请求KEY', result: null });
      expect((await read(orderid)).status).toBe(200);
      await finished(orderid);
    },
    SLOW,
  );

  it(
    'stores the crop asked with crop: true encrypted with the result, and serves it by GET',
    async () => {
      const res = await submit({ cardType: 2, base64: images.front.toString('base64'), crop: true });
      expect(res.status).toBe(202);
      const { orderid } = res.body as { orderid: string };
      const done = await finished(orderid);
      expect(done.body.error_code).toBe(0);
      const crop = done.body.result._crop as string;
      const meta = await sharp(Buffer.from(crop, 'base64')).metadata();
      expect(meta.format).toBe('jpeg');
      expect(Math.abs((meta.width ?? 0) / (meta.height ?? 1) - 85.6 / 53.98)).toBeLessThan(0.01);
      const { rows } = await service.sql.query<{ crop: boolean; result_enc: string }>(
        'SELECT crop, result_enc FROM orders WHERE orderid = $1',
        [orderid],
      );
      expect(rows[0].crop).toBe(true);
      expect(rows[0].result_enc).not.toContain(crop.slice(0, 64));
    },
    SLOW,
  );

  it('refuses bad requests with the envelope and an HTTP status', async () => {
    const badType = await submit({ cardType: 99999, base64: images.tinyJpeg.toString('base64') });
    expect([badType.status, badType.body.error_code, badType.body.result]).toEqual([400, 215303, null]);
    const noImage = await submit({ cardType: 2 });
    expect([noImage.status, noImage.body.error_code]).toEqual([400, 215306]);
    const badKey = await submit({ cardType: 2, base64: images.tinyJpeg.toString('base64') }, 'f'.repeat(32));
    expect([badKey.status, badKey.body.error_code]).toEqual([401, 10001]);
    const ftp = await submit({ cardType: 2, base64: images.tinyJpeg.toString('base64'), callbackUrl: 'ftp://x.test/' });
    expect([ftp.status, ftp.body.error_code]).toEqual([400, 215402]);
  });

  it('refuses callback URLs in private, loopback and link-local ranges unless WEBHOOK_ALLOW_PRIVATE', async () => {
    service.apiConfig.webhookAllowPrivate = false;
    try {
      for (const callbackUrl of [
        receiver.url('/hooks/private'),
        'http://localhost:9/x',
        'http://169.254.169.254/latest/meta-data',
        'http://10.1.2.3/x',
        'http://[::1]:8080/x',
        'http://[::ffff:127.0.0.1]/x',
      ]) {
        const res = await submit({ cardType: 2, base64: images.tinyJpeg.toString('base64'), callbackUrl });
        expect([callbackUrl, res.status, res.body.error_code, res.body.result]).toEqual([
          callbackUrl,
          400,
          215402,
          null,
        ]);
      }
      const { rows } = await service.sql.query<{ n: string }>(
        'SELECT count(*) AS n FROM error_events WHERE error_code = 215402 AND api_key_id = $1',
        [key.id],
      );
      expect(Number(rows[0].n)).toBeGreaterThanOrEqual(6);
    } finally {
      service.apiConfig.webhookAllowPrivate = true;
    }
  });
});
