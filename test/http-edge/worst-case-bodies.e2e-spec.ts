import request from 'supertest';
import { bodyLimits } from '../../apps/api/src/http/body-limits';
import { type RunningService, nextIp, startService } from '../service/service.harness';

const NOT_BASE64 = { error_code: 215307, reason: '图片上传发生错误 (base64 is not valid Base64)', result: null };

/**
 * Bodies built to be the worst case of each parser, at the size the api lets through, over real HTTP: each must be
 * answered (a super-linear step would stall the event loop far past the test's timeout), with the right code.
 */
describe('worst-case bodies at the size limit (service)', () => {
  let service: RunningService;
  let key: string;
  let limits: ReturnType<typeof bodyLimits>;

  beforeAll(async () => {
    service = await startService({}, { withWorker: false });
    key = (await service.createKey()).key;
    limits = bodyLimits(service.config.maxImageBytes);
  }, 180_000);

  afterAll(() => service?.close(), 60_000);

  const http = () => request(service.api.getHttpServer());
  /** A run of `=` ending in one other character, as long as a body of `total` bytes leaves room for. */
  const paddingRun = (total: number) => `${'='.repeat(total - 200)}A`;

  it('answers a JSON base64 of = followed by one character on the Juhe path and on /v1', async () => {
    const base64 = paddingRun(limits.textBodyBytes);
    const juhe = await http()
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .send({ key, cardType: '2', base64 });
    expect({ status: juhe.status, body: juhe.body as unknown }).toEqual({ status: 200, body: NOT_BASE64 });
    const async = await http()
      .post('/v1/recognitions')
      .set('X-Api-Key', key)
      .set('X-Forwarded-For', nextIp())
      .send({ cardType: 2, base64 });
    expect({ status: async.status, body: async.body as unknown }).toEqual({ status: 400, body: NOT_BASE64 });
  });

  it('answers the same run sent as a multipart field and as a GBK form body', async () => {
    const multipart = await http()
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .field('key', key)
      .field('cardType', '2')
      .field('base64', paddingRun(limits.fieldBytes));
    expect(multipart.body).toEqual(NOT_BASE64);
    // `=` needs no escaping in a value once the first one has split name from value.
    const gbk = await http()
      .post('/certificates/queryBase64.php')
      .set('X-Forwarded-For', nextIp())
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=GBK')
      .send(`key=${key}&cardType=2&base64=${paddingRun(limits.textBodyBytes)}`);
    expect(gbk.body).toEqual(NOT_BASE64);
  });

  it('answers JSON nested 100 000 levels deep as unreadable JSON in every family, never a 500', async () => {
    const depth = 100_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const json = (path: string) => http().post(path).set('X-Forwarded-For', nextIp()).type('json');
    const admin = await json('/admin/keys')
      .set('Authorization', `Bearer ${service.config.adminToken}`)
      .send(`{"name":${deep}}`);
    expect({ status: admin.status, body: admin.body as unknown }).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: ['request body is not valid JSON'] },
    });
    const malformed = { error_code: 215307, reason: 'request body is not valid JSON', result: null };
    const juhe = await json('/certificates/queryBase64').send(`{"key":"${key}","cardType":2,"userid":${deep}}`);
    expect({ status: juhe.status, body: juhe.body as unknown }).toEqual({ status: 200, body: malformed });
    const async = await json('/v1/recognitions').set('X-Api-Key', key).send(`{"cardType":2,"x":${deep}}`);
    expect({ status: async.status, body: async.body as unknown }).toEqual({ status: 400, body: malformed });
  });

  it('answers /health right after', async () => {
    expect((await http().get('/health')).status).toBe(200);
  });
});
