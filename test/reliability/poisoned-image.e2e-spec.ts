import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import sharp from 'sharp';
import request from 'supertest';
import { EngineProcessPool } from '@zhengjian/engine';
import { LOCAL_ENGINE } from '../../apps/worker/src/recognition/recognition-engine.provider';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ID_FRONT, ID_FRONT_FIELDS } from '../providers/provider-service.fixture';
import { type RunningService, eventually, nextIp, startService } from '../service/service.harness';
import { HANG_WIDTH, THROW_WIDTH } from './poisoned-engine';

const SLOW = 300_000;
const TIMEOUT_MS = 20_000;

const png = (width: number) =>
  sharp({ create: { width, height: 40, channels: 3, background: { r: 240, g: 240, b: 240 } } })
    .png()
    .toBuffer();

/**
 * A poisoned image fails its own order and nothing else: the worker runs the real pool with an injected engine that
 * hangs (busy loop) on one image and throws on another, and the real OCR engine on everything else.
 */
describe('poisoned images (service)', () => {
  let service: RunningService;
  let worker: INestApplication;
  let key: string;

  beforeAll(async () => {
    service = await startService({ recognitionTimeoutMs: TIMEOUT_MS }, { withWorker: false });
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(service.config)] })
      .overrideProvider(LOCAL_ENGINE)
      .useFactory({
        factory: () =>
          EngineProcessPool.start({
            size: 1,
            timeoutMs: TIMEOUT_MS,
            recycleAfterJobs: 0,
            engineModule: join(__dirname, 'poisoned-engine.ts'),
          }),
      })
      .compile();
    worker = moduleRef.createNestApplication();
    worker.useLogger(service.logs);
    await worker.init();
    key = (await service.createKey()).key;
  }, SLOW);

  afterAll(async () => {
    await worker?.close();
    await service?.close();
  }, 60_000);

  const submit = (cardType: number, image: Buffer) =>
    request(service.api.getHttpServer())
      .post('/v1/recognitions')
      .set('X-Forwarded-For', nextIp())
      .set('X-Api-Key', key)
      .send({ cardType, base64: image.toString('base64') });
  const finished = (orderid: string) =>
    eventually(async () => {
      const res = await request(service.api.getHttpServer())
        .get(`/v1/recognitions/${orderid}`)
        .set('X-Forwarded-For', nextIp())
        .set('X-Api-Key', key);
      return res.body.status === 'succeeded' || res.body.status === 'failed' ? res.body : undefined;
    }, SLOW);

  it(
    'fails a hanging order with 215307 after RECOGNITION_TIMEOUT_MS, a throwing one with 10014, then reads the next image',
    async () => {
      const hang = (await submit(2, await png(HANG_WIDTH))).body.orderid as string;
      const threw = (await submit(2, await png(THROW_WIDTH))).body.orderid as string;
      const next = (await submit(2, ID_FRONT)).body.orderid as string;

      const [h, t, n] = [await finished(hang), await finished(threw), await finished(next)];
      expect([h.status, h.error_code, h.reason, h.result]).toEqual(['failed', 215307, '图片上传发生错误', null]);
      expect([t.status, t.error_code, t.result]).toEqual(['failed', 10014, null]);
      expect([n.status, n.error_code]).toEqual(['succeeded', 0]);
      expect(n.result).toMatchObject(ID_FRONT_FIELDS);

      const { rows: orders } = await service.sql.query(
        'SELECT orderid, attempts FROM orders WHERE orderid = ANY($1) ORDER BY orderid',
        [[hang, threw]],
      );
      expect(orders.map((o) => o.attempts)).toEqual([1, 1]);
      const { rows: errors } = await service.sql.query(
        `SELECT o.orderid, e.error_code, e.detail FROM error_events e JOIN orders o ON o.id = e.order_id
          WHERE o.orderid = ANY($1) ORDER BY o.orderid`,
        [[hang, threw, next]],
      );
      expect(errors.map((e) => [e.orderid, e.error_code, e.detail])).toEqual([
        [hang, 215307, `recognition exceeded ${TIMEOUT_MS} ms (RECOGNITION_TIMEOUT_MS)`],
        [threw, 10014, 'the engine threw TypeError'],
      ]);
      const { rows: bills } = await service.sql.query(
        'SELECT o.orderid FROM billing_records b JOIN orders o ON o.id = b.order_id WHERE o.orderid = ANY($1)',
        [[hang, threw, next]],
      );
      expect(bills.map((b) => b.orderid)).toEqual([next]);
    },
    SLOW,
  );
});
