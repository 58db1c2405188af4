import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { ID_FRONT_REFUSED_AS, SAMPLE_DOCUMENTS, type SampleDocument } from './sample-documents';
import { type RunningService, nextIp, startService } from './service.harness';

const RECOGNITION_TIMEOUT = 120_000;
const SAMPLES = join(__dirname, '../../samples');
const WRONG_DOCUMENT = { error_code: 215308, reason: '证件类型错误', result: null };

const sample = (file: string) => readFileSync(join(SAMPLES, file));
const expected = (doc: SampleDocument) =>
  doc.portrait ? { ...doc.result, 头像: expect.stringMatching(/^\/9j\//) } : { ...doc.result };
const named = SAMPLE_DOCUMENTS.map((doc) => [doc.file, doc.cardType, doc] as const);

/**
 * The bundled samples of the other domains (驾驶证, 行驶证, 营业执照, 银行卡, 往来港澳通行证, 护照) through the HTTP
 * service (real api and worker, Postgres, Redis, OCR), one table: each read as its own cardType over both endpoints
 * (`/certificates/query` with a file, `queryBase64` with `detail=1` and the check-character warnings expected), under the composites
 * that list it, and refused (215308) as other documents; the ID card front refused as each of them; the bank card as
 * a PNG refused with 215304 (Juhe takes bank cards as JPEG only). ID cards themselves: certificates.e2e-spec.ts.
 */
describe('documents through the service (samples/)', () => {
  let service: RunningService;
  let key: string;

  beforeAll(async () => {
    service = await startService({ syncTimeoutMs: 60_000, workerConcurrency: 1 });
    key = (await service.createKey()).key;
  }, 180_000);

  afterAll(() => service?.close(), 60_000);

  const http = () => request(service.api.getHttpServer());
  const upload = (cardType: number, pic: Buffer) =>
    http()
      .post('/certificates/query')
      .set('X-Forwarded-For', nextIp())
      .field('key', key)
      .field('cardType', String(cardType))
      .attach('pic', pic, { filename: 'pic', contentType: 'application/octet-stream' });
  const base64 = (cardType: number, pic: Buffer, detail = false) =>
    http()
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key, cardType: String(cardType), base64: pic.toString('base64'), ...(detail ? { detail: '1' } : {}) });

  it.each(named)(
    'reads %s as cardType %d (pic), every key in catalogue order',
    async (file, cardType, doc) => {
      const res = await upload(cardType, sample(file));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ error_code: 0, reason: '操作成功', result: expected(doc) });
      expect(Object.keys(res.body.result)).toEqual([...Object.keys(doc.result), ...(doc.portrait ? ['头像'] : [])]);
    },
    RECOGNITION_TIMEOUT,
  );

  it.each(named)(
    'reads %s as cardType %d sent as Base64, with _detail and its check-character warnings',
    async (file, cardType, doc) => {
      const res = await base64(cardType, sample(file), true);
      expect(res.body.error_code).toBe(0);
      const { _detail: detail, ...result } = res.body.result;
      expect(result).toEqual(expected(doc));
      expect((detail.warnings as string[]).filter((w) => /^(?:mrz_mismatch|checksum_)/.test(w))).toEqual(
        doc.checkWarnings,
      );
    },
    RECOGNITION_TIMEOUT,
  );

  const composites = SAMPLE_DOCUMENTS.flatMap((doc) => doc.composites.map((c) => [doc.file, c, doc] as const));
  it.each(composites)(
    'classifies %s under composite cardType %d, with 证件类型',
    async (file, composite, doc) => {
      const res = await upload(composite, sample(file));
      expect(res.body).toEqual({
        error_code: 0,
        reason: '操作成功',
        result: { ...expected(doc), 证件类型: String(doc.cardType) },
      });
    },
    RECOGNITION_TIMEOUT,
  );

  const refusals = [
    ...SAMPLE_DOCUMENTS.flatMap((doc) => doc.refusedAs.map((asked) => [doc.file, asked] as const)),
    ...ID_FRONT_REFUSED_AS.map((asked) => ['id-front.jpg', asked] as const),
  ];
  it.each(refusals)(
    'answers 215308 for %s sent as cardType %d',
    async (file, asked) => {
      expect((await upload(asked, sample(file))).body).toEqual(WRONG_DOCUMENT);
    },
    RECOGNITION_TIMEOUT,
  );

  it('answers 215304 for the bank card as a PNG, by file and by Base64', async () => {
    const png = await sharp(sample('bank-card.jpg')).png().toBuffer();
    for (const res of [await upload(17, png), await base64(17, png)]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        error_code: 215304,
        reason: 'file name type error! (cardType 17 accepts JPEG images only)',
        result: null,
      });
    }
  });
});
