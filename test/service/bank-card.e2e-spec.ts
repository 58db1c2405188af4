import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { type RunningService, nextIp, startService } from './service.harness';

const RECOGNITION_TIMEOUT = 120_000;
const SAMPLES = join(__dirname, '../../samples');

/**
 * Ground truth of the bundled bank-card sample, as samples/README.md lists it (an invented 上海浦东发展银行 准贷记卡
 * without expiry).
 */
const BANK_CARD = {
  保留: '',
  银行卡号: '6225196558079880',
  银行名称: '上海浦东发展银行',
  卡类型: '准贷记卡',
  有效期: '',
};

/**
 * The bundled bank-card sample through the HTTP service (real api and worker, Postgres, Redis, OCR): cardType 17 by
 * file and by Base64, the same card as a PNG refused with 215304 (Juhe takes bank cards as JPEG only), and the
 * wrong document both ways.
 */
describe('bank cards through the service (samples/)', () => {
  let service: RunningService;
  let key: string;
  const card = readFileSync(join(SAMPLES, 'bank-card.jpg'));
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
    'reads the bank-card sample as cardType 17 (pic), keys in the catalogue order',
    async () => {
      const res = await upload('17', card);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ error_code: 0, reason: '操作成功', result: BANK_CARD });
      expect(Object.keys(res.body.result)).toEqual(Object.keys(BANK_CARD));
    },
    RECOGNITION_TIMEOUT,
  );

  it(
    'reads the bank-card sample as cardType 17 sent as Base64',
    async () => {
      const res = await base64('17', card);
      expect(res.body).toEqual({ error_code: 0, reason: '操作成功', result: BANK_CARD });
    },
    RECOGNITION_TIMEOUT,
  );

  it('answers 215304 for the same card as a PNG, by file and by Base64', async () => {
    const png = await sharp(card).png().toBuffer();
    for (const res of [await upload('17', png), await base64('17', png)]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        error_code: 215304,
        reason: 'file name type error! (cardType 17 accepts JPEG images only)',
        result: null,
      });
    }
  });

  it(
    'answers 215308 for the bank card sent as cardType 2 and the ID-card front sent as 17',
    async () => {
      expect((await upload('2', card)).body).toEqual({ error_code: 215308, reason: '证件类型错误', result: null });
      expect((await upload('17', idFront)).body).toEqual({ error_code: 215308, reason: '证件类型错误', result: null });
    },
    RECOGNITION_TIMEOUT,
  );
});
