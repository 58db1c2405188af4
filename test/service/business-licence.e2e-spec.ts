import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { type RunningService, nextIp, startService } from './service.harness';

const RECOGNITION_TIMEOUT = 120_000;
const SAMPLES = join(__dirname, '../../samples');

/** Ground truth of the bundled sample, as samples/README.md lists it (an invented company). */
const LICENCE = {
  保留: '',
  统一社会信用代码: '915201023P4P70EM0G',
  组织机构代码: '',
  税务登记证号: '',
  社保登记号: '',
  统计证证号: '',
  名称: '贵阳聚源餐饮管理有限公司',
  类型: '有限责任公司（自然人独资）',
  住所: '贵州省贵阳市南明区青年路559号科技大厦26层15室',
  法定代表人: '韦春芳',
  组成形式: '',
  注册资本: '3000万元人民币',
  成立日期: '2020年03月20日',
  营业期限: '2020年03月20日至2050年03月20日',
  经营范围:
    '外卖递送服务；食品销售；食品互联网销售；农副产品销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  登记机关: '贵阳市市场监督管理局',
  登记日期: '2023年06月13日',
  二维码: 'http://www.gsxt.gov.cn/index.html?uniscid=915201023P4P70EM0G',
  副本: '',
};

/**
 * The bundled 营业执照 sample through the HTTP service (real api and worker, Postgres, Redis, OCR) as cardType 2008
 * over both endpoints, and the wrong document both ways: an ID card sent as 2008, the licence sent as 2.
 */
describe('business licence through the service (samples/)', () => {
  let service: RunningService;
  let key: string;
  const licence = readFileSync(join(SAMPLES, 'business-licence.jpg'));
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
    'reads the 营业执照 sample as cardType 2008 (pic), every key in catalogue order',
    async () => {
      const res = await upload('2008', licence);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ error_code: 0, reason: '操作成功', result: LICENCE });
      expect(Object.keys(res.body.result)).toEqual(Object.keys(LICENCE));
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'reads the 营业执照 sample as cardType 2008 sent as Base64',
    async () => {
      const res = await base64('2008', licence);
      expect(res.body).toEqual({ error_code: 0, reason: '操作成功', result: LICENCE });
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'answers 215308 for the ID-card front sample sent as cardType 2008',
    async () => {
      const res = await upload('2008', idFront);
      expect(res.body).toEqual({ error_code: 215308, reason: '证件类型错误', result: null });
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'answers 215308 for the 营业执照 sample sent as cardType 2',
    async () => {
      const res = await upload('2', licence);
      expect(res.body).toEqual({ error_code: 215308, reason: '证件类型错误', result: null });
    },
    RECOGNITION_TIMEOUT,
  );
});
