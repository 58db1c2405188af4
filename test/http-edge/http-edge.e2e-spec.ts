import iconv from 'iconv-lite';
import request from 'supertest';
import { type ServiceImages, serviceImages } from '../service/images.fixture';
import { type RunningService, nextIp, startService } from '../service/service.harness';

const RECOGNITION_TIMEOUT = 120_000;
const UPLOAD_ERROR = { error_code: 215307, reason: '图片上传发生错误', result: null };

/** Percent-encodes every byte of `text` in `charset`, as Chinese Juhe clients send GBK forms. */
function percentEncoded(text: string, charset: string): string {
  return [...iconv.encode(text, charset)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/**
 * The HTTP edge against the real api and worker: body failures answered in each API's own shape (Juhe envelope with
 * HTTP 200, async envelope with 400/413, admin plain REST 400), forms in GBK and other charsets, other methods on
 * the recognition endpoints, typeList behind a key, 404s that never echo the query string.
 */
describe('HTTP edge (service)', () => {
  let service: RunningService;
  let images: ServiceImages;
  let key: string;

  beforeAll(async () => {
    images = await serviceImages();
    service = await startService({ syncTimeoutMs: 60_000, workerConcurrency: 1 });
    key = (await service.createKey()).key;
  }, 180_000);

  afterAll(() => service?.close(), 60_000);

  const http = () => request(service.api.getHttpServer());
  const admin = () => `Bearer ${service.config.adminToken}`;

  describe('body failures', () => {
    it.each([
      ['Content-Encoding: br that is not Brotli', { 'Content-Encoding': 'br' }],
      ['an unsupported Content-Encoding', { 'Content-Encoding': 'compress' }],
      ['an unknown charset', { 'Content-Type': 'application/x-www-form-urlencoded; charset=klingon' }],
    ])('answers 215307 with HTTP 200 on the Juhe endpoints for %s', async (_what, headers) => {
      for (const path of ['/certificates/queryBase64', '/certificates/query.php']) {
        const res = await http()
          .post(path)
          .set('X-Forwarded-For', nextIp())
          .type('form')
          .set(headers)
          .send(`key=${key}&cardType=2`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual(UPLOAD_ERROR);
      }
    });

    it('answers bad JSON on /v1/recognitions with HTTP 400 and 215307 saying the JSON is malformed', async () => {
      const res = await http()
        .post('/v1/recognitions')
        .set('X-Api-Key', key)
        .set('Content-Type', 'application/json')
        .send('{bad');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error_code: 215307, reason: 'request body is not valid JSON', result: null });
    });

    it('answers a Content-Encoding it cannot read on /v1/recognitions with HTTP 400 and 215307', async () => {
      const res = await http()
        .post('/v1/recognitions')
        .set('X-Api-Key', key)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'br')
        .send('{"cardType":2}');
      expect(res.status).toBe(400);
      expect(res.body).toEqual(UPLOAD_ERROR);
    });

    it('answers an over-size JSON body on /v1/recognitions with HTTP 413 and 215302', async () => {
      const res = await http()
        .post('/v1/recognitions')
        .set('X-Api-Key', key)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ cardType: 2, base64: 'A'.repeat(6 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ error_code: 215302, reason: expect.any(String), result: null });
    });

    it.each(['{bad', 'null'])('answers JSON body %s on /admin with a plain REST 400', async (body) => {
      const res = await http()
        .post('/admin/keys')
        .set('Authorization', admin())
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [expect.any(String)] });
      expect(res.body).not.toHaveProperty('error_code');
    });
  });

  describe('form charsets', () => {
    it.each(['GBK', 'gb2312', 'gb18030', 'utf8'])(
      'echoes a Chinese userid sent in a %s form and decodes the image',
      async (charset) => {
        const userid = `客户-张三-${charset}`;
        const body = [
          `key=${key}`,
          'cardType=2',
          'orderid=1',
          `userid=${percentEncoded(userid, charset)}`,
          `base64=${encodeURIComponent(images.front.toString('base64'))}`,
        ].join('&');
        const res = await http()
          .post('/certificates/queryBase64')
          .set('X-Forwarded-For', nextIp())
          .set('Content-Type', `application/x-www-form-urlencoded; charset=${charset}`)
          .send(body);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ error_code: 0, result: { ...images.frontExpected, userid } });
      },
      RECOGNITION_TIMEOUT,
    );

    it('answers 215306 (no image) for a base64 of only whitespace (`+` in a form is a space)', async () => {
      const res = await http()
        .post('/certificates/queryBase64')
        .set('X-Forwarded-For', nextIp())
        .set('Content-Type', 'application/x-www-form-urlencoded; charset=GBK')
        .send(`key=${key}&cardType=2&base64=++++`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ error_code: 215306, result: null });
    });
  });

  describe('methods and unknown routes', () => {
    it.each(['put', 'delete', 'patch'] as const)('answers %s on the recognition endpoints with 215301', async (m) => {
      for (const path of [
        '/certificates/query',
        '/certificates/query.php',
        '/certificates/queryBase64',
        '/certificates/queryBase64.php',
      ]) {
        const res = await http()[m](`${path}?key=${key}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ error_code: 215301, reason: '不支持GET请求', result: null });
      }
    });

    it('answers an unknown route with a plain 404 that never echoes the query string', async () => {
      const res = await http().get(`/certificates/nope?key=${key}&x=1`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /certificates/nope' });
      expect(res.text).not.toContain(key);
    });
  });

  describe('typeList', () => {
    const typeList = (query = '') => http().get(`/certificates/typeList${query}`).set('X-Forwarded-For', nextIp());

    it('lists the catalogue for a valid key (query string or form body)', async () => {
      const get = await typeList(`?key=${key}`);
      expect(get.body.error_code).toBe(0);
      expect(get.body.result).toContainEqual({ code: 2, name: '二代身份证正面' });
      const post = await http().post('/certificates/typeList.php').type('form').send({ key });
      expect(post.body.error_code).toBe(0);
    });

    it('answers 10001 without a key or with an unknown one, 10009 disabled, 10003 expired', async () => {
      expect((await typeList()).body).toEqual({ error_code: 10001, reason: '错误的请求KEY', result: null });
      expect((await typeList('?key=nope')).body.error_code).toBe(10001);
      const disabled = await service.createKey();
      await service.apiKeys.disable(disabled.id);
      expect((await typeList(`?key=${disabled.key}`)).body.error_code).toBe(10009);
      const expired = await service.createKey({ expiresAt: new Date(Date.now() - 60_000) });
      expect((await typeList(`?key=${expired.key}`)).body.error_code).toBe(10003);
    });
  });
});
