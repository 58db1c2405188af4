import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { type RunningService, nextIp, startService } from './service.harness';

const RECOGNITION_TIMEOUT = 120_000;
const SAMPLES = join(__dirname, '../../samples');

/** Ground truth of the bundled 往来港澳通行证 sample, as samples/README.md lists it (an invented holder). */
const HK_MACAO_PERMIT = {
  保留: '',
  证件号码: 'C31774532',
  中文姓名: '高文',
  英文姓名: 'GAO, WEN',
  出生日期: '1976-06-27',
  性别: '男',
  有效期至: '2033-08-10',
  签发地点: '重庆',
  MRZ: 'CSC317745324<3308109<7606272<8',
  签发机关: '中华人民共和国国家移民管理局',
  证件号码VIZ: 'C31774532',
};

/**
 * The bundled 往来港澳通行证 2014 card sample through the HTTP service (real api and worker, Postgres, Redis, OCR):
 * cardType 22 over both endpoints with its one-line zone, and the card asked as another permit or an ID card front.
 */
describe('travel permits through the service (samples/)', () => {
  let service: RunningService;
  let key: string;
  const permit = readFileSync(join(SAMPLES, 'hk-macao-permit.jpg'));
  const idFront = readFileSync(join(SAMPLES, 'id-front.jpg'));

  beforeAll(async () => {
    service = await startService({ syncTimeoutMs: 60_000, workerConcurrency: 1 });
    key = (await service.createKey()).key;
  }, 180_000);

  afterAll(() => service?.close(), 60_000);

  const http = () => request(service.api.getHttpServer());
  const upload = (cardType: string, pic: Buffer) =>
    http()
      .post('/certificates/query')
      .set('X-Forwarded-For', nextIp())
      .field('key', key)
      .field('cardType', cardType)
      .attach('pic', pic, { filename: 'pic', contentType: 'application/octet-stream' });
  const base64 = (cardType: string, pic: Buffer) =>
    http()
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key, cardType, base64: pic.toString('base64') });

  it(
    'reads the 往来港澳通行证 sample as cardType 22 (pic): catalogue keys in order, the CS line, a JPEG 头像',
    async () => {
      const res = await upload('22', permit);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        error_code: 0,
        reason: '操作成功',
        result: { ...HK_MACAO_PERMIT, 头像: expect.stringMatching(/^\/9j\//) },
      });
      expect(Object.keys(res.body.result)).toEqual([...Object.keys(HK_MACAO_PERMIT), '头像']);
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'reads the 往来港澳通行证 sample as cardType 22 sent as Base64',
    async () => {
      const res = await base64('22', permit);
      expect(res.body).toEqual({
        error_code: 0,
        reason: '操作成功',
        result: { ...HK_MACAO_PERMIT, 头像: expect.stringMatching(/^\/9j\//) },
      });
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'answers 215308 for the 往来港澳通行证 sample sent as a 往来台湾通行证 (29)',
    async () => {
      const res = await upload('29', permit);
      expect(res.body).toEqual({ error_code: 215308, reason: '证件类型错误', result: null });
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'answers 215308 for the ID-card front sample sent as cardType 22',
    async () => {
      const res = await upload('22', idFront);
      expect(res.body).toEqual({ error_code: 215308, reason: '证件类型错误', result: null });
    },
    RECOGNITION_TIMEOUT,
  );
});
