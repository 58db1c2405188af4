import sharp from 'sharp';
import request from 'supertest';
import { localCardTypes } from '@zhengjian/engine';
import { CARD_TYPE_CODES } from '@zhengjian/juhe';
import { type RunningService, nextIp, startService } from '../service/service.harness';

const MALFORMED_JSON = { error_code: 215307, reason: 'request body is not valid JSON', result: null };
/**
 * A cardType the provider cannot recognize, refused at admission: the local engine reads every catalogued cardType
 * (the admission test `card-type-support.spec.ts` checks that), so the refused one is a code the catalogue skips.
 */
const UNSUPPORTED = [...Array(3039).keys()].find(
  (code) => code > 0 && !(CARD_TYPE_CODES as readonly number[]).includes(code) && !localCardTypes().includes(code),
)!;
const NOT_SUPPORTED = { error_code: 215303, reason: 'cardType error!', result: null };

/**
 * Each API family answers its own errors (api only, no worker): malformed JSON named as such on the Juhe and `/v1`
 * endpoints, unknown `/v1` routes in the `/v1` envelope, and cardTypes the configured provider cannot recognize
 * refused at admission (no quota unit, no order, nothing queued) for the sync and async endpoints.
 */
describe('API families and admission (service, api only)', () => {
  let service: RunningService;
  let jpeg: string;

  beforeAll(async () => {
    service = await startService({}, { withWorker: false });
    jpeg = (
      await sharp({ create: { width: 96, height: 60, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer()
    ).toString('base64');
  }, 120_000);

  afterAll(() => service?.close(), 60_000);

  const http = () => request(service.api.getHttpServer());

  const usage = async (keyId: string) => {
    const { rows } = await service.sql.query<{ total_used: number }>('SELECT total_used FROM api_keys WHERE id = $1', [
      keyId,
    ]);
    const orders = await service.sql.query<{ n: string }>('SELECT count(*) AS n FROM orders WHERE api_key_id = $1', [
      keyId,
    ]);
    return { used: rows[0].total_used, orders: Number(orders.rows[0].n) };
  };

  describe('malformed JSON', () => {
    it('answers 215307 with HTTP 200 and a JSON-parse reason on the Juhe JSON bodies', async () => {
      for (const path of ['/certificates/queryBase64', '/certificates/queryBase64.php', '/certificates/typeList']) {
        const res = await http().post(path).set('Content-Type', 'application/json').send('{"key": "x",');
        expect([path, res.status, res.body]).toEqual([path, 200, MALFORMED_JSON]);
      }
    });

    it('answers HTTP 400 with a JSON-parse reason on /v1/recognitions', async () => {
      const { key } = await service.createKey();
      const res = await http()
        .post('/v1/recognitions')
        .set('X-Api-Key', key)
        .set('Content-Type', 'application/json')
        .send('{"cardType": 2, base64');
      expect([res.status, res.body]).toEqual([400, MALFORMED_JSON]);
    });
  });

  describe('unknown /v1 routes', () => {
    it.each([
      ['get', '/v1/nothing/here?key=secret-looking'],
      ['post', '/v1/recognition'],
      ['get', '/v1/recognitions'],
      ['put', '/v1/recognitions/JH0000000000000000000000'],
      ['get', '/v1'],
    ] as const)('answers %s %s with a JSON 404 in the /v1 envelope', async (method, path) => {
      const res = await http()[method](path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        error_code: 215406,
        reason: `no such endpoint (${method.toUpperCase()} ${path.split('?')[0]})`,
        result: null,
      });
    });

    it('keeps the plain 404 outside /v1', async () => {
      const res = await http().get('/nothing');
      expect([res.status, res.body]).toEqual([
        404,
        { statusCode: 404, error: 'Not Found', message: 'Cannot GET /nothing' },
      ]);
    });
  });

  describe('cardTypes the local provider cannot recognize', () => {
    it('refuses them on the sync endpoints with 215303 before any quota unit, order or job', async () => {
      const key = await service.createKey({ dailyQuota: 5 });
      const sync = await http()
        .post('/certificates/queryBase64')
        .set('X-Forwarded-For', nextIp())
        .type('form')
        .send({ key: key.key, cardType: String(UNSUPPORTED), base64: jpeg });
      expect([sync.status, sync.body]).toEqual([200, NOT_SUPPORTED]);
      const unknown = await http()
        .post('/certificates/queryBase64')
        .set('X-Forwarded-For', nextIp())
        .type('form')
        .send({ key: key.key, cardType: '99999', base64: jpeg });
      expect([unknown.status, unknown.body.error_code]).toEqual([200, 215303]);
      expect(await usage(key.id)).toEqual({ used: 0, orders: 0 });
      const { rows } = await service.sql.query<{ error_code: number; api_key_id: string }>(
        'SELECT error_code, api_key_id FROM error_events WHERE api_key_id = $1 ORDER BY created_at',
        [key.id],
      );
      expect(rows).toEqual([
        { error_code: 215303, api_key_id: key.id },
        { error_code: 215303, api_key_id: key.id },
      ]);
    });

    it('refuses them on /v1/recognitions with HTTP 400 before any quota unit, order or job', async () => {
      const key = await service.createKey();
      const res = await http()
        .post('/v1/recognitions')
        .set('X-Forwarded-For', nextIp())
        .set('X-Api-Key', key.key)
        .send({ cardType: UNSUPPORTED, base64: jpeg });
      expect([res.status, res.body]).toEqual([400, NOT_SUPPORTED]);
      expect(await usage(key.id)).toEqual({ used: 0, orders: 0 });
      expect(await service.redisKeys()).not.toContainEqual(expect.stringMatching(/:recognition:recognize-/));
    });

    it('still checks the key first (10001), and admits a supported cardType (one unit, one order)', async () => {
      const anonymous = await http()
        .post('/v1/recognitions')
        .set('X-Api-Key', 'f'.repeat(32))
        .send({ cardType: UNSUPPORTED, base64: jpeg });
      expect([anonymous.status, anonymous.body.error_code]).toEqual([401, 10001]);
      const key = await service.createKey();
      const res = await http()
        .post('/v1/recognitions')
        .set('X-Forwarded-For', nextIp())
        .set('X-Api-Key', key.key)
        .send({ cardType: 101, base64: jpeg });
      expect(res.status).toBe(202);
      expect(await usage(key.id)).toEqual({ used: 1, orders: 1 });
    });
  });

  describe('with RECOGNITION_PROVIDER=juhe', () => {
    let juhe: RunningService;

    beforeAll(async () => {
      juhe = await startService({ recognitionProvider: 'juhe', juheAppKey: 'operator-appkey' }, { withWorker: false });
    }, 120_000);

    afterAll(() => juhe?.close(), 60_000);

    it('admits every catalogued cardType (async order queued) and still refuses codes outside the catalogue', async () => {
      const key = await juhe.createKey();
      const res = await request(juhe.api.getHttpServer())
        .post('/v1/recognitions')
        .set('X-Forwarded-For', nextIp())
        .set('X-Api-Key', key.key)
        .send({ cardType: CARD_TYPE_CODES[CARD_TYPE_CODES.length - 1], base64: jpeg });
      expect([res.status, res.body.status]).toEqual([202, 'queued']);
      const unknown = await request(juhe.api.getHttpServer())
        .post('/v1/recognitions')
        .set('X-Forwarded-For', nextIp())
        .set('X-Api-Key', key.key)
        .send({ cardType: 99999, base64: jpeg });
      expect([unknown.status, unknown.body.error_code]).toEqual([400, 215303]);
      const { rows } = await juhe.sql.query<{ total_used: number }>('SELECT total_used FROM api_keys WHERE id = $1', [
        key.id,
      ]);
      expect(rows[0].total_used).toBe(1);
    });
  });
  describe('CORS', () => {
    const ORIGIN = 'https://kyc.example.com';
    let cors: RunningService;

    beforeAll(async () => {
      cors = await startService({ corsOrigins: [ORIGIN, 'http://localhost:5173'] }, { withWorker: false });
    }, 120_000);

    afterAll(() => cors?.close(), 60_000);

    const preflight = (app: RunningService, origin: string) =>
      request(app.api.getHttpServer())
        .options('/v1/recognitions')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,x-api-key,idempotency-key');

    it('answers a preflight from an allowed origin with its headers', async () => {
      const res = await preflight(cors, ORIGIN);
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(res.headers['access-control-allow-methods']).toBe('GET,POST,DELETE');
      expect(res.headers['access-control-allow-headers']).toBe('Content-Type,X-Api-Key,Idempotency-Key');
      expect(res.headers['access-control-max-age']).toBe('600');
      expect(res.headers).not.toHaveProperty('access-control-allow-credentials');
      const actual = await request(cors.api.getHttpServer()).get('/v1/recognitions/x').set('Origin', ORIGIN);
      expect(actual.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(actual.headers['access-control-expose-headers']).toBe('Idempotent-Replayed');
    });

    it('refuses a preflight from any other origin: no Access-Control-Allow-Origin', async () => {
      for (const origin of ['https://evil.example', 'https://kyc.example.com.evil.example', 'http://kyc.example.com']) {
        const res = await preflight(cors, origin);
        expect([origin, res.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
      }
    });

    it('is off by default: no CORS header even for a would-be origin', async () => {
      const res = await preflight(service, ORIGIN);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-methods']).toBeUndefined();
    });
  });
});
