import sharp from 'sharp';
import request from 'supertest';
import { localCardTypes } from '@zhengjian/engine';
import { CARD_TYPE_CODES } from '@zhengjian/juhe';
import { type ServiceImages, serviceImages } from './images.fixture';
import { type RunningService, nextIp, startService } from './service.harness';

const ORDER_ID = /^JH\d{22}$/;
const RECOGNITION_TIMEOUT = 120_000;

/**
 * The Juhe-compatible endpoints over HTTP against the real api and worker (real Postgres, Redis, OCR): the happy
 * paths, every 2153xx code, billing exactly once per billable order, the error history.
 */
describe('certificates endpoints (service)', () => {
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
  const base64 = (params: Record<string, string>) =>
    http()
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key, ...params });
  const upload = (cardType: string, pic: Buffer, extra: Record<string, string> = {}) => {
    let req = http()
      .post('/certificates/query')
      .set('X-Forwarded-For', nextIp())
      .field('key', key)
      .field('cardType', cardType);
    for (const [name, value] of Object.entries(extra)) req = req.field(name, value);
    return req.attach('pic', pic, { filename: 'pic', contentType: 'application/octet-stream' });
  };

  describe('happy paths', () => {
    const front = () => ({ 保留: '', ...images.frontExpected, 头像: expect.stringMatching(/^\/9j\//) });

    it(
      'reads an ID front (2) sent as Base64, with orderid and userid',
      async () => {
        const res = await base64({
          cardType: '2',
          base64: images.front.toString('base64'),
          orderid: '1',
          userid: 'u-2',
        });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          error_code: 0,
          reason: '操作成功',
          result: { ...front(), orderid: expect.stringMatching(ORDER_ID), userid: 'u-2' },
        });
        expect(Object.keys(res.body.result).slice(-2)).toEqual(['orderid', 'userid']);
      },
      RECOGNITION_TIMEOUT,
    );

    it(
      'reads an ID front (2) uploaded as pic',
      async () => {
        const res = await upload('2', images.front, { orderid: '1', userid: 'u-2m' });
        expect(res.body).toEqual({
          error_code: 0,
          reason: '操作成功',
          result: { ...front(), orderid: expect.stringMatching(ORDER_ID), userid: 'u-2m' },
        });
      },
      RECOGNITION_TIMEOUT,
    );

    it(
      'reads an ID back (3) over both endpoints',
      async () => {
        const expected = { 保留: '', ...images.backExpected, orderid: expect.stringMatching(ORDER_ID), userid: 'u-3' };
        const viaBase64 = await base64({
          cardType: '3',
          base64: images.back.toString('base64'),
          orderid: '1',
          userid: 'u-3',
        });
        expect(viaBase64.body).toEqual({ error_code: 0, reason: '操作成功', result: expected });
        const viaUpload = await upload('3', images.back, { orderid: '1', userid: 'u-3' });
        expect(viaUpload.body).toEqual({ error_code: 0, reason: '操作成功', result: expected });
        expect(viaUpload.body.result.orderid).not.toBe(viaBase64.body.result.orderid);
      },
      RECOGNITION_TIMEOUT,
    );

    it(
      'classifies a front as 2 under 101, over both endpoints',
      async () => {
        const expected = { ...front(), 证件类型: '2', orderid: expect.stringMatching(ORDER_ID), userid: 'u-101' };
        const viaBase64 = await base64({
          cardType: '101',
          base64: images.front.toString('base64'),
          orderid: '1',
          userid: 'u-101',
        });
        expect(viaBase64.body).toEqual({ error_code: 0, reason: '操作成功', result: expected });
        const viaUpload = await upload('101', images.front, { orderid: '1', userid: 'u-101' });
        expect(viaUpload.body).toEqual({ error_code: 0, reason: '操作成功', result: expected });
      },
      RECOGNITION_TIMEOUT * 2,
    );

    it(
      'adds _detail only when detail=1 is sent',
      async () => {
        const res = await base64({ cardType: '3', base64: images.back.toString('base64'), detail: '1' });
        expect(res.body.error_code).toBe(0);
        expect(res.body.result._detail).toEqual(
          expect.objectContaining({ fields: expect.any(Object), warnings: expect.any(Array) }),
        );
        expect(res.body.result).not.toHaveProperty('orderid');
      },
      RECOGNITION_TIMEOUT,
    );
  });

  describe('crop=1', () => {
    it(
      'adds _crop, an upright JPEG of the card in ID-1 proportions, and leaves the rest of the result as without it',
      async () => {
        const plain = await base64({ cardType: '2', base64: images.front.toString('base64') });
        const cropped = await upload('2', images.front, { crop: '1' });
        expect(plain.body.error_code).toBe(0);
        expect(plain.body.result).not.toHaveProperty('_crop');
        expect(cropped.body.error_code).toBe(0);
        const { _crop: crop, ...rest } = cropped.body.result as Record<string, string>;
        expect(rest).toEqual(plain.body.result);
        expect(Object.keys(cropped.body.result).at(-1)).toBe('_crop');
        const meta = await sharp(Buffer.from(crop, 'base64')).metadata();
        expect(meta.format).toBe('jpeg');
        expect(Math.abs((meta.width ?? 0) / (meta.height ?? 1) - 85.6 / 53.98)).toBeLessThan(0.01);
      },
      RECOGNITION_TIMEOUT * 2,
    );
  });

  describe('service error codes', () => {
    it('215301 for GET', async () => {
      for (const path of ['/certificates/query', '/certificates/queryBase64', '/certificates/query.php']) {
        expect((await http().get(`${path}?key=${key}`)).body).toEqual({
          error_code: 215301,
          reason: '不支持GET请求',
          result: null,
        });
      }
    });

    it('215302 for a decoded image over 3 MiB and for a body over the parser limit', async () => {
      const big = Buffer.concat([images.blankJpeg, Buffer.alloc(3 * 1024 * 1024)]);
      expect((await base64({ cardType: '2', base64: big.toString('base64') })).body.error_code).toBe(215302);
      expect((await upload('2', big)).body.error_code).toBe(215302);
      const huge = await base64({ cardType: '2', base64: 'A'.repeat(8 * 1024 * 1024) });
      expect(huge.status).toBe(200);
      expect(huge.body).toEqual({ error_code: 215302, reason: '上传文件超过最大限制!', result: null });
    });

    it('215303 for an unknown cardType', async () => {
      expect((await base64({ cardType: '9999', base64: images.tinyJpeg.toString('base64') })).body.error_code).toBe(
        215303,
      );
      expect((await upload('abc', images.tinyJpeg)).body.error_code).toBe(215303);
    });

    it('215304 for a GIF; 215303 for a cardType outside the catalogue, whatever the image', async () => {
      expect((await base64({ cardType: '2', base64: images.gif.toString('base64') })).body.error_code).toBe(215304);
      // Refused at admission, before the image is looked at (format rules such as JPEG-only bank cards come after).
      expect(localCardTypes()).toEqual([...CARD_TYPE_CODES].sort((a, b) => a - b));
      expect((await upload('8', images.front)).body).toEqual({
        error_code: 215303,
        reason: 'cardType error!',
        result: null,
      });
    });

    it(
      '215305 for an image with nothing to read (billed)',
      async () => {
        const res = await base64({ cardType: '2', base64: images.blankJpeg.toString('base64'), orderid: '1' });
        expect(res.body).toEqual({ error_code: 215305, reason: '识别失败!', result: null });
      },
      RECOGNITION_TIMEOUT,
    );

    it('215306 without an image', async () => {
      expect((await base64({ cardType: '2' })).body.error_code).toBe(215306);
      const res = await http()
        .post('/certificates/query')
        .set('X-Forwarded-For', nextIp())
        .field('key', key)
        .field('cardType', '2');
      expect(res.body.error_code).toBe(215306);
    });

    it(
      '215307 for text that is not Base64 and for a truncated JPEG',
      async () => {
        expect((await base64({ cardType: '2', base64: '***not base64***' })).body.error_code).toBe(215307);
        expect((await upload('2', images.truncatedJpeg)).body.error_code).toBe(215307);
      },
      RECOGNITION_TIMEOUT,
    );

    it(
      '215308 for a bank card asked as an ID front',
      async () => {
        expect((await upload('2', images.bankJpeg)).body).toEqual({
          error_code: 215308,
          reason: '证件类型错误',
          result: null,
        });
      },
      RECOGNITION_TIMEOUT,
    );
  });

  describe('records', () => {
    it('bills every 0 and 215305 order exactly once and nothing else', async () => {
      const { rows } = await service.sql.query<{ error_code: number; status: string; billed: string }>(
        `SELECT o.error_code, o.status, (SELECT count(*) FROM billing_records b WHERE b.order_id = o.id) AS billed
           FROM orders o`,
      );
      // Ten orders from the reading and error-code tests, two from crop=1 (the same card with and without).
      expect(rows).toHaveLength(12);
      for (const row of rows) {
        expect(row.status).toBe(row.error_code === 0 ? 'succeeded' : 'failed');
        expect(Number(row.billed)).toBe(row.error_code === 0 || row.error_code === 215305 ? 1 : 0);
      }
      const codes = new Set(rows.map((r) => r.error_code));
      expect([...codes].sort()).toEqual([0, 215305, 215307, 215308]);
    });

    it('keeps an error row for every failed order and every refused request', async () => {
      const orders = await service.sql.query<{ n: string }>(
        `SELECT count(*) AS n FROM orders o WHERE o.error_code <> 0
            AND NOT EXISTS (SELECT 1 FROM error_events e WHERE e.order_id = o.id)`,
      );
      expect(Number(orders.rows[0]?.n)).toBe(0);
      const refused = await service.sql.query<{ error_code: number }>(
        `SELECT DISTINCT error_code FROM error_events WHERE order_id IS NULL ORDER BY error_code`,
      );
      expect(refused.rows.map((r) => r.error_code)).toEqual([215302, 215303, 215304, 215306, 215307]);
    });

    it('deletes the images of finished orders', async () => {
      const { rows } = await service.sql.query<{ n: string }>(`SELECT count(*) AS n FROM order_images`);
      expect(Number(rows[0]?.n)).toBe(0);
    });
  });
});
