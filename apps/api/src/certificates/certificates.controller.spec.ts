import type { INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { memoryStorage } from 'multer';
import sharp from 'sharp';
import request from 'supertest';
import { ACCESS } from '@zhengjian/access';
import { APP_CONFIG, type AppConfig, CONFIG_DEFAULTS } from '@zhengjian/config';
import { JuheError, JuheErrorCode } from '@zhengjian/juhe';
import { ORDERS } from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';
import { configureApiApp } from '../api.app';
import { FallbackExceptionFilter } from '../http/fallback-exception.filter';
import { FakeAccess } from '../testing/fake-access';
import { InMemoryOrdersFake } from '../testing/in-memory-orders.fake';
import { CertificatesController } from './certificates.controller';
import { OrderCompletionWaiter } from './order-completion.waiter';
import { CardTypeSupport } from '../admission/card-type-support';
import { RecognitionAdmission } from '../admission/recognition-admission.service';
import { SyncRecognitionService } from './sync-recognition.service';

const MAX_IMAGE_BYTES = 64 * 1024;
const KEY = FakeAccess.KEY;
const FIELDS = { 姓名: 'X', 性别: '男' };

describe(CertificatesController.name, () => {
  let app: INestApplication;
  let orders: InMemoryOrdersFake;
  let access: FakeAccess;
  let config: AppConfig;
  let png: Buffer;
  let jpeg: Buffer;

  beforeAll(async () => {
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
  });

  beforeEach(async () => {
    orders = new InMemoryOrdersFake();
    access = new FakeAccess();
    // The `juhe` provider mode: every catalogued cardType is admitted (the bank card 17 below included).
    config = {
      ...CONFIG_DEFAULTS,
      maxImageBytes: MAX_IMAGE_BYTES,
      logLevel: 'error',
      recognitionProvider: 'juhe',
    } as AppConfig;
    // The "worker": finishes every order at once with a fixed result.
    const queue = {
      waitingCount: async () => 0,
      enqueue: async (order: { id: string }) => {
        await orders.markProcessing(order.id);
        await orders.finish(order.id, {
          errorCode: 0,
          reason: '操作成功',
          result: { ...FIELDS, _detail: {} },
          provider: 'local',
        });
      },
    };
    const moduleRef = await Test.createTestingModule({
      imports: [MulterModule.register({ storage: memoryStorage(), limits: { fileSize: MAX_IMAGE_BYTES } })],
      controllers: [CertificatesController],
      providers: [
        SyncRecognitionService,
        RecognitionAdmission,
        CardTypeSupport,
        { provide: APP_CONFIG, useFactory: () => config },
        { provide: ACCESS, useValue: access },
        { provide: ORDERS, useValue: orders },
        { provide: RecognitionQueue, useValue: queue },
        { provide: OrderCompletionWaiter, useValue: { waitFor: (o: { id: string }) => orders.findById(o.id) } },
        { provide: APP_FILTER, useClass: FallbackExceptionFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false });
    configureApiApp(app);
    await app.init();
  });

  afterEach(() => app.close());

  const form = (path: string) => request(app.getHttpServer()).post(path).type('form');

  it('answers a form-urlencoded Base64 request with the result, orderid and userid', async () => {
    const res = await form('/certificates/queryBase64').send({
      key: KEY,
      cardType: '2',
      base64: png.toString('base64'),
      orderid: '1',
      userid: 'u-1',
    });
    expect(res.status).toBe(200);
    expect(res.body.error_code).toBe(0);
    expect(res.body.reason).toBe('操作成功');
    expect(Object.keys(res.body.result)).toEqual(['姓名', '性别', 'orderid', 'userid']);
    expect(res.body.result.orderid).toMatch(/^JH\d{22}$/);
    expect(res.body.result.userid).toBe('u-1');
  });

  it('tolerates a data: prefix, line breaks and + sent unencoded (read back as spaces) in .php alias', async () => {
    const b64 = `data:image/png;base64,${png.toString('base64').replace(/(.{20})/g, '$1\r\n')}`;
    const body = `key=${KEY}&cardType=2&base64=${encodeURIComponent(b64).replace(/%2B/g, '+')}`;
    const res = await form('/certificates/queryBase64.php').send(body);
    expect(res.body).toMatchObject({ error_code: 0 });
    expect(res.body.result).not.toHaveProperty('orderid');
  });

  it('accepts JSON with the key in the query string, and adds _detail only for detail=1', async () => {
    const res = await request(app.getHttpServer())
      .post(`/certificates/queryBase64?key=${KEY}`)
      .send({ cardType: 2, base64: png.toString('base64url'), detail: '1' });
    expect(res.body.error_code).toBe(0);
    expect(res.body.result._detail).toEqual({});
  });

  it('reads the pic part by its bytes whatever its file name and content type', async () => {
    const res = await request(app.getHttpServer())
      .post('/certificates/query.php')
      .field('key', KEY)
      .field('cardType', '2')
      .attach('pic', png, { filename: 'upload', contentType: 'text/plain' });
    expect(res.body.error_code).toBe(0);
  });

  it.each([
    ['/certificates/query', JuheErrorCode.GetNotSupported],
    ['/certificates/queryBase64.php', JuheErrorCode.GetNotSupported],
  ])('answers GET %s with 215301', async (path, code) => {
    const res = await request(app.getHttpServer()).get(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ error_code: code, reason: '不支持GET请求', result: null });
  });

  it.each([
    ['put', '/certificates/query'],
    ['delete', '/certificates/query.php'],
    ['patch', '/certificates/queryBase64'],
    ['put', '/certificates/queryBase64.php'],
  ] as const)('answers %s %s with 215301, HTTP 200', async (method, path) => {
    const res = await request(app.getHttpServer())[method](`${path}?key=${KEY}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ error_code: JuheErrorCode.GetNotSupported, reason: '不支持GET请求', result: null });
  });

  it('answers an unknown route with a plain 404 that does not echo the query string', async () => {
    const res = await request(app.getHttpServer()).get(`/certificates/nope?key=${KEY}`);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Cannot GET /certificates/nope');
    expect(res.text).not.toContain(KEY);
  });

  it.each(['get', 'post'] as const)('lists the catalogue on %s /certificates/typeList(.php)', async (method) => {
    for (const path of ['/certificates/typeList', '/certificates/typeList.php']) {
      const res = await request(app.getHttpServer())[method](`${path}?key=${KEY}`);
      expect(res.body.error_code).toBe(0);
      expect(res.body.result).toContainEqual({ code: 2, name: '二代身份证正面' });
    }
  });

  it('lists the catalogue for a key in a form body, and refuses it without a valid key', async () => {
    const ok = await form('/certificates/typeList').send({ key: KEY });
    expect(ok.body.error_code).toBe(0);
    for (const res of [
      await request(app.getHttpServer()).get('/certificates/typeList'),
      await request(app.getHttpServer()).get('/certificates/typeList.php?key=wrong'),
      await form('/certificates/typeList').send({ key: 'wrong' }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ error_code: JuheErrorCode.InvalidKey, reason: '错误的请求KEY', result: null });
    }
  });

  it.each([JuheErrorCode.KeyForbidden, JuheErrorCode.KeyExpired])(
    'answers typeList with the refusal %s of the key check, without spending quota',
    async (code) => {
      jest.spyOn(access, 'identify').mockRejectedValueOnce(new JuheError(code));
      const res = await request(app.getHttpServer()).get(`/certificates/typeList?key=${KEY}`);
      expect(res.body.error_code).toBe(code);
      expect(access.calls).toHaveLength(0);
    },
  );

  it('answers 215306 (no image) for a base64 of only whitespace', async () => {
    const res = await form('/certificates/queryBase64').send({ key: KEY, cardType: '2', base64: '    ' });
    expect(res.body.error_code).toBe(JuheErrorCode.UploadFailed);
  });

  it('answers 215302 in the envelope for a body over the parser limit', async () => {
    const res = await form('/certificates/queryBase64').send({
      key: KEY,
      cardType: '2',
      base64: 'A'.repeat(MAX_IMAGE_BYTES * 2),
    });
    expect(res.status).toBe(200);
    expect(res.body.error_code).toBe(JuheErrorCode.FileTooLarge);
  });

  it('answers 215302 for a decoded image over the limit and for an over-size file part', async () => {
    const big = Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES)]);
    const b64 = await form('/certificates/queryBase64').send({
      key: KEY,
      cardType: '2',
      base64: big.toString('base64'),
    });
    expect(b64.body.error_code).toBe(JuheErrorCode.FileTooLarge);
    const file = await request(app.getHttpServer())
      .post('/certificates/query')
      .field('key', KEY)
      .field('cardType', '2')
      .attach('pic', big, 'a.png');
    expect(file.body.error_code).toBe(JuheErrorCode.FileTooLarge);
  });

  it.each([
    ['an unknown cardType', { cardType: '999', base64: 'x' }, JuheErrorCode.CardTypeError],
    ['no image', { cardType: '2' }, JuheErrorCode.UploadFailed],
    ['text that is not Base64', { cardType: '2', base64: '%%%%' }, JuheErrorCode.UploadError],
    [
      'a GIF',
      { cardType: '2', base64: Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64') },
      JuheErrorCode.FileTypeError,
    ],
  ])('refuses %s before creating an order and records it', async (_what, params, code) => {
    const res = await form('/certificates/queryBase64').send({ key: KEY, ...params });
    expect(res.body.error_code).toBe(code);
    expect(orders.orders.size).toBe(0);
    expect(orders.requestErrors).toEqual([expect.objectContaining({ errorCode: code, apiKeyId: expect.any(String) })]);
  });

  it('refuses a PNG bank card with 215304 but takes a JPEG one', async () => {
    const refused = await form('/certificates/queryBase64').send({
      key: KEY,
      cardType: '17',
      base64: png.toString('base64'),
    });
    expect(refused.body.error_code).toBe(JuheErrorCode.FileTypeError);
    const taken = await form('/certificates/queryBase64').send({
      key: KEY,
      cardType: '17',
      base64: jpeg.toString('base64'),
    });
    expect(taken.body.error_code).toBe(0);
  });

  it('checks the key before the request, and records the refusal', async () => {
    const res = await form('/certificates/queryBase64').send({ key: 'wrong', cardType: '999' });
    expect(res.body).toEqual({ error_code: 10001, reason: '错误的请求KEY', result: null });
    expect(orders.requestErrors).toEqual([expect.objectContaining({ errorCode: 10001, apiKeyId: null })]);
  });

  it('answers 10020 in maintenance, before looking at the key', async () => {
    config.maintenance = true;
    const res = await form('/certificates/query').send({ key: 'wrong' });
    expect(res.body.error_code).toBe(JuheErrorCode.Maintenance);
    expect(access.calls).toHaveLength(0);
  });

  it('answers 10014 without internals when something unexpected breaks', async () => {
    jest.spyOn(orders, 'create').mockRejectedValueOnce(new Error('database exploded at /secret/path'));
    const res = await form('/certificates/queryBase64').send({
      key: KEY,
      cardType: '2',
      base64: png.toString('base64'),
    });
    expect(res.body.error_code).toBe(JuheErrorCode.InternalError);
    expect(JSON.stringify(res.body)).not.toContain('exploded');
  });

  it.each([
    ['Content-Encoding: br that is not Brotli', { 'Content-Encoding': 'br' }],
    ['an unknown Content-Encoding', { 'Content-Encoding': 'compress' }],
    ['an unknown charset', { 'Content-Type': 'application/x-www-form-urlencoded; charset=klingon' }],
  ])('answers 215307 (HTTP 200) for %s', async (_what, headers) => {
    const res = await form('/certificates/queryBase64').set(headers).send(`key=${KEY}&cardType=2`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ error_code: JuheErrorCode.UploadError, reason: '图片上传发生错误', result: null });
  });

  it.each(['utf-16', 'UTF-16LE', 'utf-32'])(
    'reads a form declaring charset=%s as the UTF-8 bytes it escapes (WHATWG URL Standard)',
    async (charset) => {
      const res = await form('/certificates/queryBase64')
        .set('Content-Type', `application/x-www-form-urlencoded; charset=${charset}`)
        .send(`key=${KEY}&cardType=2&userid=%E5%BC%A0`);
      expect(res.body).toEqual({
        error_code: JuheErrorCode.UploadFailed,
        reason: '图片上传失败 (no image: send the file part pic or the base64 parameter)',
        result: null,
      });
    },
  );

  it('answers 215307 saying the JSON is malformed for a JSON body that cannot be parsed', async () => {
    const res = await request(app.getHttpServer()).post('/certificates/queryBase64').type('json').send('{"key":');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      error_code: JuheErrorCode.UploadError,
      reason: 'request body is not valid JSON',
      result: null,
    });
    expect(orders.requestErrors).toEqual([]);
  });
});
