import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { type ServiceImages, serviceImages } from '../service/images.fixture';
import { type RunningService, nextIp, startService } from '../service/service.harness';

const RECOGNITION_TIMEOUT = 120_000;
const ORDER_ID = /^JH\d{22}$/;
const NO_KEY = { error_code: 10001, reason: '错误的请求KEY', result: null };
const NO_IMAGE = {
  error_code: 215306,
  reason: '图片上传失败 (no image: send the file part pic or the base64 parameter)',
  result: null,
};
const NO_CARD_TYPE = { error_code: 215303, reason: 'cardType error!', result: null };
const JUHE_PATHS = [
  '/certificates/query',
  '/certificates/query.php',
  '/certificates/queryBase64',
  '/certificates/queryBase64.php',
];
const ABORT_LOG = 'client closed the connection before its request body was read';

interface RawAnswer {
  status: number;
  body: unknown;
}

/**
 * Multipart bodies busboy cannot read (`multipart/mixed`, `related`, `alternative`), uploads cut off by the client,
 * `queryBase64` with a multipart body (PHP curl with an array of post fields) and bodies without a Content-Type,
 * against the real api and worker.
 */
describe('multipart and untyped bodies (service)', () => {
  let service: RunningService;
  let images: ServiceImages;
  let key: string;
  let port: number;

  beforeAll(async () => {
    images = await serviceImages();
    service = await startService({ syncTimeoutMs: 60_000, workerConcurrency: 1 });
    key = (await service.createKey()).key;
    const server = service.api.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }, 180_000);

  afterAll(async () => {
    const server = service?.api.getHttpServer() as http.Server | undefined;
    await new Promise((resolve) => (server?.listening ? server.close(resolve) : resolve(undefined)));
    await service?.close();
  }, 60_000);

  const api = () => request(service.api.getHttpServer());

  /** A POST sent as written: no header is added (supertest would add a Content-Type). */
  function rawPost(path: string, headers: Record<string, string>, body: string): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  function mixedBody(boundary: string): string {
    return `--${boundary}\r\nContent-Type: text/plain\r\n\r\nkey=${key}&cardType=2\r\n--${boundary}--\r\n`;
  }

  async function waitForLog(text: string, count: number): Promise<void> {
    for (let i = 0; i < 200 && service.logs.lines.filter((l) => l.includes(text)).length < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(service.logs.lines.filter((l) => l.includes(text)).length).toBeGreaterThanOrEqual(count);
  }

  describe.each(['multipart/mixed', 'multipart/related', 'multipart/alternative'])('a %s body', (type) => {
    const headers = (extra: Record<string, string> = {}) => ({
      'Content-Type': `${type}; boundary=zj`,
      'X-Forwarded-For': nextIp(),
      ...extra,
    });

    it('is answered on the Juhe paths as an empty body: 10001 without a key, 215306 with key and cardType', async () => {
      const errorsBefore = service.logs.errorLines.length;
      for (const path of JUHE_PATHS) {
        expect(await rawPost(path, headers(), mixedBody('zj'))).toEqual({ status: 200, body: NO_KEY });
        expect(await rawPost(`${path}?key=${key}&cardType=2`, headers(), mixedBody('zj'))).toEqual({
          status: 200,
          body: NO_IMAGE,
        });
      }
      expect(service.logs.errorLines.slice(errorsBefore)).toEqual([]);
      expect(service.logs.lines.some((l) => l.includes(`${type} body not read (only multipart/form-data is)`))).toBe(
        true,
      );
    });

    it('is answered on /v1/recognitions with 401 without a key and 400 with one', async () => {
      const errorsBefore = service.logs.errorLines.length;
      expect(await rawPost('/v1/recognitions', headers(), mixedBody('zj'))).toEqual({ status: 401, body: NO_KEY });
      const withKey = await rawPost('/v1/recognitions', headers({ 'X-Api-Key': key }), mixedBody('zj'));
      expect(withKey.status).toBe(400);
      expect(withKey.body).toEqual(NO_CARD_TYPE);
      expect(service.logs.errorLines.slice(errorsBefore)).toEqual([]);
    });
  });

  it('answers a broken multipart/form-data body with 215307 (HTTP 200 on Juhe, 400 on /v1), no error logged', async () => {
    const errorsBefore = service.logs.errorLines.length;
    const broken = { 'Content-Type': 'multipart/form-data; boundary=zj', 'X-Forwarded-For': nextIp() };
    const body = '--zj\r\nContent-Disposition: form-data; name="key"\r\n\r\nabc';
    const uploadError = { error_code: 215307, reason: '图片上传发生错误', result: null };
    for (const path of JUHE_PATHS) {
      expect(await rawPost(path, broken, body)).toEqual({ status: 200, body: uploadError });
    }
    expect(await rawPost('/v1/recognitions', { ...broken, 'X-Api-Key': key }, body)).toEqual({
      status: 400,
      body: uploadError,
    });
    expect(service.logs.errorLines.slice(errorsBefore)).toEqual([]);
  });

  it.each([
    [
      'a multipart upload',
      'multipart/form-data; boundary=zj',
      '--zj\r\nContent-Disposition: form-data; name="pic"; filename="a.jpg"\r\n\r\n',
    ],
    ['a form body', 'application/x-www-form-urlencoded', 'key=k&cardType=2&base64='],
    ['a GBK form body', 'application/x-www-form-urlencoded; charset=GBK', 'key=k&cardType=2&base64='],
    ['a JSON body', 'application/json', '{"cardType":2,"base64":"'],
  ])(
    'logs a client that disconnects in the middle of %s at info, with no error and no answer',
    async (_what, type, head) => {
      const errorsBefore = service.logs.errorLines.length;
      const aborted = service.logs.lines.filter((l) => l.includes(ABORT_LOG)).length;
      for (const path of ['/certificates/query', '/certificates/queryBase64', '/v1/recognitions']) {
        const req = http.request({
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          headers: { 'Content-Type': type, 'Content-Length': '1000000', 'X-Api-Key': key, 'X-Forwarded-For': nextIp() },
        });
        const closed = new Promise<string>((resolve) => {
          req.on('error', (err) => resolve(err.message));
          req.on('response', (res) => resolve(`answered ${res.statusCode}`));
        });
        req.write(head);
        req.write(images.front.toString('base64').slice(0, 2000));
        await new Promise((resolve) => setTimeout(resolve, 100));
        req.destroy();
        expect(await closed).toBe('socket hang up');
      }
      await waitForLog(ABORT_LOG, aborted + 3);
      expect(service.logs.errorLines.slice(errorsBefore)).toEqual([]);
    },
  );

  describe('queryBase64 with a multipart/form-data body', () => {
    it.each(['/certificates/queryBase64', '/certificates/queryBase64.php'])(
      'reads key, cardType, base64, userid, orderid and detail from the fields at %s',
      async (path) => {
        const res = await api()
          .post(path)
          .set('X-Forwarded-For', nextIp())
          .field('key', key)
          .field('cardType', '2')
          .field('base64', images.front.toString('base64'))
          .field('userid', 'php-7')
          .field('orderid', '1')
          .field('detail', '1');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          error_code: 0,
          reason: '操作成功',
          result: {
            保留: '',
            ...images.frontExpected,
            头像: expect.stringMatching(/^\/9j\//),
            _detail: expect.any(Object),
            orderid: expect.stringMatching(ORDER_ID),
            userid: 'php-7',
          },
        });
      },
      RECOGNITION_TIMEOUT,
    );

    it('answers 10001 for a multipart body without a key, as for a form body', async () => {
      const res = await api()
        .post('/certificates/queryBase64')
        .set('X-Forwarded-For', nextIp())
        .field('cardType', '2')
        .field('base64', images.tinyJpeg.toString('base64'));
      expect(res.body).toEqual(NO_KEY);
    });
  });

  describe('a body without Content-Type', () => {
    it('answers what is missing: 10001 without a key, 215306 with key and cardType in the query string', async () => {
      for (const path of JUHE_PATHS) {
        const headers = { 'X-Forwarded-For': nextIp() };
        expect(await rawPost(path, headers, `key=${key}`)).toEqual({ status: 200, body: NO_KEY });
        expect(await rawPost(`${path}?key=${key}&cardType=2`, headers, 'abc')).toEqual({
          status: 200,
          body: NO_IMAGE,
        });
        expect(await rawPost(`${path}?key=${key}&cardType=2`, headers, '')).toEqual({ status: 200, body: NO_IMAGE });
      }
    });

    it('answers 215303 when the key is in the query string but cardType is not', async () => {
      const res = await rawPost(`/certificates/queryBase64?key=${key}`, { 'X-Forwarded-For': nextIp() }, 'abc');
      expect(res).toEqual({ status: 200, body: NO_CARD_TYPE });
    });
  });
});
