import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { type RunningService, nextIp, startService } from './service.harness';

const RECOGNITION_TIMEOUT = 120_000;
const SAMPLES = join(__dirname, '../../samples');

/** Ground truth of the bundled samples, as samples/README.md lists it (an invented driver and vehicle). */
const DRIVING = {
  保留: '',
  证号: '540102200203287188',
  姓名: '姜雨红',
  性别: '女',
  住址: '西藏自治区拉萨市城关区光明巷68号',
  出生日期: '2002-03-28',
  初始领证日期: '2024-05-09',
  准驾车型: 'A3',
  有效起始日期: '2024-05-09',
  有效期限: '6年',
  有效截止日期: '2030-05-09',
  签发机关: '西藏自治区拉萨市公安局交通警察支队',
};
const VEHICLE = {
  保留: '',
  号牌号码: '藏A5J985',
  车辆类型: '小型轿车',
  所有人: '姜雨红',
  住址: '西藏自治区拉萨市城关区光明巷68号',
  品牌型号: '大众汽车牌FV7145TATG',
  车辆识别代号: 'LFVJHV3X5KA135094',
  发动机号码: 'CUF865919',
  注册日期: '2019-10-23',
  发证日期: '2019-10-23',
  使用性质: '非营运',
  签发机关: '西藏自治区拉萨市公安局交通警察支队',
};

/**
 * The bundled 驾驶证 and 行驶证 samples through the HTTP service (real api and worker, Postgres, Redis, OCR): their
 * own cardType and the 104 classifier over both endpoints, and an ID card asked as a 驾驶证.
 */
describe('vehicle documents through the service (samples/)', () => {
  let service: RunningService;
  let key: string;
  const driving = readFileSync(join(SAMPLES, 'driving-licence.jpg'));
  const vehicle = readFileSync(join(SAMPLES, 'vehicle-licence.jpg'));
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
    'reads the 驾驶证 sample as cardType 5 (pic) with a JPEG 头像',
    async () => {
      const res = await upload('5', driving);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        error_code: 0,
        reason: '操作成功',
        result: { ...DRIVING, 头像: expect.stringMatching(/^\/9j\//) },
      });
      expect(Object.keys(res.body.result)).toEqual([...Object.keys(DRIVING), '头像']);
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'reads the 驾驶证 sample as cardType 5 sent as Base64',
    async () => {
      const res = await base64('5', driving);
      expect(res.body).toEqual({
        error_code: 0,
        reason: '操作成功',
        result: { ...DRIVING, 头像: expect.stringMatching(/^\/9j\//) },
      });
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'classifies the 驾驶证 sample under 104 (证件类型 "5")',
    async () => {
      const res = await upload('104', driving);
      expect(res.body).toEqual({
        error_code: 0,
        reason: '操作成功',
        result: { ...DRIVING, 头像: expect.stringMatching(/^\/9j\//), 证件类型: '5' },
      });
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'reads the 行驶证 sample as cardType 6 (pic)',
    async () => {
      const res = await upload('6', vehicle);
      expect(res.body).toEqual({ error_code: 0, reason: '操作成功', result: VEHICLE });
      expect(Object.keys(res.body.result)).toEqual(Object.keys(VEHICLE));
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'classifies the 行驶证 sample under 104 (证件类型 "6")',
    async () => {
      const res = await upload('104', vehicle);
      expect(res.body).toEqual({ error_code: 0, reason: '操作成功', result: { ...VEHICLE, 证件类型: '6' } });
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'answers 215308 for the ID-card front sample sent as cardType 5',
    async () => {
      const res = await upload('5', idFront);
      expect(res.body).toEqual({ error_code: 215308, reason: '证件类型错误', result: null });
    },
    RECOGNITION_TIMEOUT,
  );
});
