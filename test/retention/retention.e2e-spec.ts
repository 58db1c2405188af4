import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { OrderErasureService, OrdersService } from '@zhengjian/orders';
import { RETENTION_EVERY_MS, RETENTION_QUEUE, RETENTION_SCHEDULER_ID } from '@zhengjian/queue';
import { RetentionProcessor } from '../../apps/worker/src/retention/retention.processor';
import { type RunningService, eventually, nextIp, startService } from '../service/service.harness';

const IMAGE = Buffer.from('an encrypted stand-in for an uploaded image');
const RESULT = { 姓名: '韩梅梅', 公民身份号码: '11010519491231002X' };

/**
 * Data retention and erasure against real Postgres and Redis: the worker's scheduled job erases what is older than
 * `RETENTION_DAYS` (in batches, idempotently), the owning key and the admin erase one order now, and reads show an
 * erased order without its personal data. Orders are created and finished through `OrdersService` (the recognition
 * path is tested elsewhere); the worker runs with the `juhe` provider so that no OCR model is loaded, and no
 * recognition job is ever queued here.
 */
describe('data retention and erasure (service)', () => {
  let service: RunningService;
  let orders: OrdersService;
  let owner: { id: string; key: string };

  beforeAll(async () => {
    service = await startService({
      retainImages: true,
      retentionDays: 30,
      recognitionProvider: 'juhe',
      juheAppKey: 'unused',
      juheBaseUrl: 'http://127.0.0.1:9',
    });
    orders = service.api.get(OrdersService);
    owner = await service.createKey({ name: 'owner' });
    // A job scheduler with `every` runs once at once: let that first run (nothing to erase yet) finish before the
    // tests create old orders, so that only the runs the tests start touch them.
    const queue = service.worker!.get<Queue>(getQueueToken(RETENTION_QUEUE), { strict: false });
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      const completed = await queue.getJobCounts('completed');
      return Object.values(counts).every((n) => n === 0) && completed.completed >= 1 ? true : undefined;
    }, 30_000);
  }, 120_000);

  afterAll(() => service?.close(), 60_000);

  const http = () => request(service.api.getHttpServer());
  const admin = () => `Bearer ${service.config.adminToken}`;

  /** A finished order of `apiKeyId` (succeeded with a result, or failed 215305), `daysAgo` days old. */
  async function finishedOrder(apiKeyId: string, options: { daysAgo?: number; failed?: boolean } = {}) {
    const order = await orders.create({
      apiKeyId,
      userid: 'customer-7',
      cardType: 2,
      mode: 'async',
      image: IMAGE,
      mime: 'image/jpeg',
      ip: '203.0.113.9',
    });
    await orders.markProcessing(order.id);
    await orders.finish(
      order.id,
      options.failed
        ? { errorCode: 215305, reason: '识别失败', result: null, provider: 'juhe' }
        : { errorCode: 0, reason: '操作成功', result: RESULT, provider: 'juhe' },
    );
    if (options.daysAgo !== undefined) {
      await service.sql.query(
        `UPDATE orders SET finished_at = now() - $2 * interval '1 day', created_at = now() - $2 * interval '1 day'
          WHERE id = $1`,
        [order.id, options.daysAgo],
      );
    }
    return order;
  }

  async function row(id: string) {
    const { rows } = await service.sql.query<Record<string, unknown>>(
      `SELECT o.userid, o.result_enc IS NOT NULL AS has_result, o.image_sha256 IS NOT NULL AS has_hash,
              o.client_ip, o.erased_by, o.erased_at IS NOT NULL AS erased, o.status, o.error_code,
              (SELECT count(*)::int FROM order_images i WHERE i.order_id = o.id) AS images,
              (SELECT count(*)::int FROM billing_records b WHERE b.order_id = o.id) AS billing,
              (SELECT array_agg(e.ip) FROM error_events e WHERE e.order_id = o.id) AS error_ips
         FROM orders o WHERE o.id = $1`,
      [id],
    );
    return rows[0];
  }

  const KEPT = { userid: 'customer-7', has_result: true, has_hash: true, client_ip: '203.0.113.9', images: 1 };
  const ERASED = { userid: null, has_result: false, has_hash: false, client_ip: null, images: 0, erased: true };

  describe('the scheduled retention job', () => {
    it('is scheduled in the worker: one job scheduler, hourly', async () => {
      const queue = service.worker!.get<Queue>(getQueueToken(RETENTION_QUEUE), { strict: false });
      const scheduler = await queue.getJobScheduler(RETENTION_SCHEDULER_ID);
      expect(scheduler).toMatchObject({
        key: RETENTION_SCHEDULER_ID,
        name: 'erase-expired',
        every: RETENTION_EVERY_MS,
      });
    });

    it('erases images and results finished over RETENTION_DAYS ago, keeps the rest, and is idempotent', async () => {
      const old = await finishedOrder(owner.id, { daysAgo: 31 });
      const oldFailed = await finishedOrder(owner.id, { daysAgo: 45, failed: true });
      const recent = await finishedOrder(owner.id, { daysAgo: 29 });
      const unfinished = await orders.create({ apiKeyId: owner.id, cardType: 2, mode: 'async', image: IMAGE });
      await service.sql.query(`UPDATE orders SET created_at = now() - interval '90 days' WHERE id = $1`, [
        unfinished.id,
      ]);
      const processor = service.worker!.get(RetentionProcessor);

      expect(await processor.eraseExpired()).toEqual({ orders: 2, images: 2, batches: 1 });
      expect(await row(old.id)).toMatchObject({ ...ERASED, erased_by: 'retention', status: 'succeeded', billing: 1 });
      expect(await row(oldFailed.id)).toMatchObject({
        ...ERASED,
        erased_by: 'retention',
        status: 'failed',
        error_code: 215305,
        billing: 1,
        error_ips: [null],
      });
      expect(await row(recent.id)).toMatchObject({ ...KEPT, erased: false, erased_by: null });
      expect(await row(unfinished.id)).toMatchObject({ images: 1, erased: false, status: 'queued' });
      expect(service.logs.lines).toContainEqual(
        expect.stringContaining('retention (30 days): erased 2 orders, 2 images, in 1 batches'),
      );

      expect(await processor.eraseExpired()).toEqual({ orders: 0, images: 0, batches: 0 });
    });

    it('works in batches until a batch comes back short', async () => {
      const key = await service.createKey({ name: 'batches' });
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await finishedOrder(key.id, { daysAgo: 100 + i })).id);
      const erasure = service.worker!.get(OrderErasureService);
      expect(await erasure.eraseExpired(30, 2)).toEqual({ orders: 5, images: 5, batches: 3 });
      for (const id of ids) expect(await row(id)).toMatchObject({ ...ERASED, erased_by: 'retention' });
    });

    it('is off with RETENTION_DAYS=0: the scheduler is removed and a run left over does nothing', async () => {
      const workerConfig = service.worker!.get<AppConfig>(APP_CONFIG);
      const processor = service.worker!.get(RetentionProcessor);
      const queue = service.worker!.get<Queue>(getQueueToken(RETENTION_QUEUE), { strict: false });
      const old = await finishedOrder(owner.id, { daysAgo: 400 });
      workerConfig.retentionDays = 0;
      try {
        await processor.schedule();
        expect(await queue.getJobScheduler(RETENTION_SCHEDULER_ID)).toBeUndefined();
        expect(await processor.eraseExpired()).toBe('skipped');
        expect(await row(old.id)).toMatchObject({ ...KEPT, erased: false });
      } finally {
        workerConfig.retentionDays = 30;
        await processor.schedule();
      }
      expect(await queue.getJobScheduler(RETENTION_SCHEDULER_ID)).toMatchObject({ every: RETENTION_EVERY_MS });
    });
  });

  describe('DELETE /v1/recognitions/:orderid', () => {
    const erase = (orderid: string, key: string) =>
      http().delete(`/v1/recognitions/${orderid}`).set('X-Forwarded-For', nextIp()).set('X-Api-Key', key);
    const read = (orderid: string, key: string) =>
      http().get(`/v1/recognitions/${orderid}`).set('X-Forwarded-For', nextIp()).set('X-Api-Key', key);

    it('erases the image and result for the owning key; GET then shows the order with result null and erased', async () => {
      const order = await finishedOrder(owner.id);
      expect((await read(order.orderid, owner.key)).body.result).toEqual(RESULT);

      const res = await erase(order.orderid, owner.key);
      expect(res.status).toBe(200);
      const erasedView = {
        orderid: order.orderid,
        userid: null,
        cardType: 2,
        status: 'succeeded',
        error_code: 0,
        reason: '操作成功',
        result: null,
        erased: true,
        erasedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      };
      expect(res.body).toEqual(erasedView);
      expect(await row(order.id)).toMatchObject({ ...ERASED, erased_by: 'key', billing: 1 });
      const again = await read(order.orderid, owner.key);
      expect([again.status, again.body]).toEqual([200, { ...erasedView, erasedAt: res.body.erasedAt }]);
      // Idempotent: a second DELETE answers the same view.
      expect((await erase(order.orderid, owner.key)).body).toEqual({ ...erasedView, erasedAt: res.body.erasedAt });

      // Logged with the order id and who, never the userid or the result.
      const lines = service.logs.lines.filter((line) => line.includes(order.orderid) && line.includes('erased'));
      expect(lines).toContainEqual(expect.stringContaining(`erased by key id ${owner.id} (key)`));
      const everything = service.logs.lines.join('\n');
      expect(everything).not.toContain('customer-7');
      expect(everything).not.toContain(RESULT['公民身份号码']);

      // Recorded in the order's admin timeline.
      const timeline = await http().get(`/admin/orders/${order.orderid}`).set('Authorization', admin());
      expect(timeline.body.order).toMatchObject({ userid: null, erasedBy: 'key', erasedAt: res.body.erasedAt });
      expect(timeline.body.timeline.at(-1)).toEqual({ at: res.body.erasedAt, event: 'erased', detail: { by: 'key' } });
    });

    it("answers 404 for another key's order (same body as an unknown id) and erases nothing", async () => {
      const order = await finishedOrder(owner.id);
      const other = await service.createKey({ name: 'other' });
      const foreign = await erase(order.orderid, other.key);
      const unknown = await erase('JH0000000000000000000000', other.key);
      for (const res of [foreign, unknown]) {
        expect([res.status, res.body]).toEqual([404, { error_code: 215401, reason: 'order not found', result: null }]);
      }
      expect(await row(order.id)).toMatchObject({ ...KEPT, erased: false });
      expect((await erase(order.orderid, 'f'.repeat(32))).status).toBe(401);
    });

    it('answers 409 (215407) while the order is queued, and erases nothing', async () => {
      const order = await orders.create({ apiKeyId: owner.id, cardType: 2, mode: 'async', image: IMAGE });
      const res = await erase(order.orderid, owner.key);
      expect([res.status, res.body]).toEqual([
        409,
        { error_code: 215407, reason: 'the order is not finished yet, erase it once it is', result: null },
      ]);
      expect(await row(order.id)).toMatchObject({ images: 1, erased: false });
    });
  });

  describe('DELETE /admin/orders/:orderid', () => {
    it('erases any order now and answers its timeline with the erasure', async () => {
      const order = await finishedOrder(owner.id, { failed: true });
      const res = await http().delete(`/admin/orders/${order.orderid}`).set('Authorization', admin());
      expect(res.status).toBe(200);
      expect(res.body.order).toMatchObject({
        orderid: order.orderid,
        userid: null,
        status: 'failed',
        errorCode: 215305,
        erasedBy: 'admin',
        erasedAt: expect.any(String),
      });
      expect(res.body.timeline.map((e: { event: string }) => e.event)).toEqual([
        'created',
        'started',
        'finished',
        'error',
        'billed',
        'erased',
      ]);
      expect(await row(order.id)).toMatchObject({ ...ERASED, erased_by: 'admin', error_ips: [null] });
      expect(service.logs.lines).toContainEqual(
        expect.stringContaining(`order ${order.orderid} erased by admin (admin)`),
      );
    });

    it('answers 404 for an unknown order, 409 for an unfinished one, 401 without the token', async () => {
      const unknown = await http().delete('/admin/orders/JH0000000000000000000000').set('Authorization', admin());
      expect([unknown.status, unknown.body.message]).toEqual([404, 'no order JH0000000000000000000000']);
      const queued = await orders.create({ apiKeyId: owner.id, cardType: 2, mode: 'async', image: IMAGE });
      const busy = await http().delete(`/admin/orders/${queued.orderid}`).set('Authorization', admin());
      expect([busy.status, busy.body.error]).toEqual([409, 'Conflict']);
      expect((await http().delete(`/admin/orders/${queued.orderid}`)).status).toBe(401);
    });
  });
});
