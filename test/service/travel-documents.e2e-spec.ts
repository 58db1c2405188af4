import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { type RunningService, nextIp, startService } from './service.harness';

const RECOGNITION_TIMEOUT = 120_000;
const SAMPLES = join(__dirname, '../../samples');

/** Ground truth of the bundled passport sample, as samples/README.md lists it (an invented holder). */
const PASSPORT = {
  护照类型: 'P',
  护照号码MRZ: 'EB6469890',
  本国姓名: '高文',
  英文姓名: 'GAO WEN',
  性别: '男',
  出生日期: '1976-06-27',
  有效期至: '2032-05-07',
  签发国代码: 'CHN',
  英文姓: 'GAO',
  英文名: 'WEN',
  MRZ1: 'POCHNGAO<<WEN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
  MRZ2: 'EB64698905CHN7606272M3205079JCHIKEPIKCKCE<92',
  持证人国籍代码: 'CHN',
  护照号码: 'EB6469890',
  出生地点: '重庆',
  签发地点: '北京',
  签发日期: '2022-05-08',
  'RFID MRZ': '',
  'OCR MRZ': '',
  出生地点拼音: 'CHONGQING',
  签发地点拼音: 'BEIJING',
  身份证号码: '',
  本国姓名拼音OCR: 'GAO WEN',
  性别OCR: '男',
  持证人国籍代码OCR: 'CHN',
  身份证号码OCR: '',
  出生日期OCR: '1976-06-27',
  有效期至OCR: '2032-05-07',
  签发机关OCR: '中华人民共和国国家移民管理局',
  本国姓: '高',
  本国名: '文',
  身高: '',
  '英文姓(VIZ)': 'GAO',
  '英文名(VIZ)': 'WEN',
  '英文姓名(VIZ)': 'GAO WEN',
  校对英文姓: 'GAO',
  校对英文名: 'WEN',
  '本国姓名(VIZ)': '高文',
  国籍: '中国',
  监护人姓名: '',
};

/**
 * The bundled passport sample through the HTTP service (real api and worker, Postgres, Redis, OCR): read as cardType
 * 13 over both endpoints (with `_detail` on request), and answered 215308 when asked as an ID card front.
 */
describe('travel documents through the service (samples/)', () => {
  let service: RunningService;
  let key: string;
  const passport = readFileSync(join(SAMPLES, 'passport.jpg'));

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
  const base64 = (cardType: string, pic: Buffer, detail = false) =>
    http()
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key, cardType, base64: pic.toString('base64'), ...(detail ? { detail: '1' } : {}) });

  it(
    'reads the passport sample as cardType 13 (pic) with a JPEG 头像',
    async () => {
      const res = await upload('13', passport);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        error_code: 0,
        reason: '操作成功',
        result: { ...PASSPORT, 头像: expect.stringMatching(/^\/9j\//) },
      });
      expect(Object.keys(res.body.result)).toEqual([...Object.keys(PASSPORT), '头像']);
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'reads the passport sample sent as Base64, the zone cross-checked without a warning',
    async () => {
      const res = await base64('13', passport, true);
      expect(res.body.error_code).toBe(0);
      const { _detail: detail, ...result } = res.body.result;
      expect(result).toEqual({ ...PASSPORT, 头像: expect.stringMatching(/^\/9j\//) });
      expect(detail.warnings).not.toContainEqual(expect.stringMatching(/^mrz_mismatch|checksum_failed/));
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'answers 215308 for the passport sample sent as an ID card front (cardType 2)',
    async () => {
      const res = await upload('2', passport);
      expect(res.body).toEqual({ error_code: 215308, reason: '证件类型错误', result: null });
    },
    RECOGNITION_TIMEOUT,
  );
});
