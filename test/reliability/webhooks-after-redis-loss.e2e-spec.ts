import request from 'supertest';
import { DataSource } from 'typeorm';
import { WEBHOOKS_QUEUE, webhookJobId } from '@zhengjian/queue';
import { WebhookDeliveryEntity, WebhookScheduler } from '@zhengjian/webhooks';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { SWEEPER_LOCK_KEY, StuckOrderSweeper } from '../../apps/worker/src/recognition/stuck-order.sweeper';
import { type ServiceImages, serviceImages } from '../service/images.fixture';
import { type RunningService, deleteKeys, eventually, nextIp, startService } from '../service/service.harness';
import { WebhookReceiver } from '../webhooks/webhook-receiver';

const SLOW = 180_000;
const CHAINS = 12;

/**
 * Webhook deliveries when Redis loses their jobs or PostgreSQL cannot record an attempt: PostgreSQL's
 * `webhook_deliveries` is the truth, the sweeper gives every unsettled chain its job back, and an attempt made while
 * the database was down is written once it is back, not lost and not sent twice.
 */
describe('webhook deliveries after Redis loss (service)', () => {
  let service: RunningService;
  let images: ServiceImages;
  let receiver: WebhookReceiver;
  let key: { id: string; key: string };

  beforeAll(async () => {
    images = await serviceImages(5);
    receiver = new WebhookReceiver();
    await receiver.start();
    // Retries wait 10 minutes (they are in Redis only as delayed jobs); the sweeper runs only when the test says.
    service = await startService({
      webhookAllowPrivate: true,
      webhookRetryBaseMs: 600_000,
      webhookMaxAttempts: 4,
      sweeperIntervalMs: 86_400_000,
      sweeperStuckAfterMs: 1_000,
    });
    key = await service.apiKeys.create({ name: 'hooks' });
  }, SLOW);

  afterAll(async () => {
    await service?.close();
    await receiver?.stop();
  }, 60_000);

  const submit = (path: string) =>
    request(service.api.getHttpServer())
      .post('/v1/recognitions')
      .set('X-Forwarded-For', nextIp())
      .set('X-Api-Key', key.key)
      .send({ cardType: 2, base64: images.tinyJpeg.toString('base64'), callbackUrl: receiver.url(path) });
  const attemptsOf = async (orderids: string[]) =>
    (
      await service.sql.query<{ orderid: string; attempt: number; status: string; status_code: number | null }>(
        `SELECT o.orderid, d.attempt, d.status, d.status_code FROM webhook_deliveries d
           JOIN orders o ON o.id = d.order_id WHERE o.orderid = ANY($1) ORDER BY o.orderid, d.attempt`,
        [orderids],
      )
    ).rows;
  const sweeper = () => service.worker!.get(StuckOrderSweeper);

  it(
    'delivers every pending chain after its jobs were flushed from Redis, going on from the recorded attempt',
    async () => {
      const paths = Array.from({ length: CHAINS }, (_, i) => `/hooks/${i}`);
      for (const path of paths) receiver.failFirst(path, 1);
      const orderids: string[] = [];
      for (const path of paths) {
        const res = await submit(path);
        expect(res.status).toBe(202);
        orderids.push(res.body.orderid as string);
      }
      // Every first attempt answered 500: each chain now waits 10 minutes for its retry, in Redis only.
      await eventually(async () => {
        const rows = await attemptsOf(orderids);
        return rows.length === CHAINS && rows.every((r) => r.status === 'retrying') ? rows : undefined;
      }, 120_000);
      expect(await deleteKeys(service.redis, `${service.config.redisPrefix}:*`)).toBeGreaterThan(0);

      // Another worker's sweeper holds the lock: this one skips its pass.
      await service.sql.query('SELECT pg_advisory_lock($1)', [SWEEPER_LOCK_KEY]);
      expect(await sweeper().sweep()).toEqual({ skipped: true, orders: 0, webhooks: 0 });
      await service.sql.query('SELECT pg_advisory_unlock($1)', [SWEEPER_LOCK_KEY]);

      await new Promise((resolve) => setTimeout(resolve, 1_100)); // older than SWEEPER_STUCK_AFTER_MS
      expect(await sweeper().sweep()).toEqual({ skipped: false, orders: 0, webhooks: CHAINS });
      const rows = await eventually(async () => {
        const all = await attemptsOf(orderids);
        return all.filter((r) => r.status === 'delivered').length === CHAINS ? all : undefined;
      }, 120_000);
      expect(rows).toEqual(
        orderids
          .slice()
          .sort()
          .flatMap((orderid) => [
            { orderid, attempt: 1, status: 'retrying', status_code: 500 },
            { orderid, attempt: 2, status: 'delivered', status_code: 204 },
          ]),
      );
      for (const path of paths) {
        expect(receiver.at(path).map((hook) => [hook.headers['x-zhengjian-attempt'], hook.answered])).toEqual([
          ['1', 500],
          ['2', 204],
        ]);
      }
      // A settled chain is not resumed again.
      expect(await sweeper().sweep()).toEqual({ skipped: false, orders: 0, webhooks: 0 });
    },
    SLOW,
  );

  it(
    'records an attempt made while PostgreSQL refused its record once the database is back, without resending it',
    async () => {
      const workerData = service.worker!.get(DataSource);
      const update = workerData.manager.update.bind(workerData.manager);
      let refused = 0;
      const outage = jest.spyOn(workerData.manager, 'update').mockImplementation((target, criteria, partial) => {
        if (target === WebhookDeliveryEntity) {
          refused++;
          return Promise.reject(new Error('connection terminated (simulated outage)'));
        }
        return update(target as typeof WebhookDeliveryEntity, criteria as never, partial as never);
      });
      const res = await submit('/hooks/outage');
      const orderid = res.body.orderid as string;
      const queue = service.worker!.get<Queue>(getQueueToken(WEBHOOKS_QUEUE));
      // Every try to record failed: the attempt is kept on the job, whose retry waits in Redis.
      const { rows } = await service.sql.query<{ id: string }>('SELECT id FROM orders WHERE orderid = $1', [orderid]);
      const jobId = webhookJobId(rows[0]!.id);
      const job = await eventually(async () => {
        const found = await queue.getJob(jobId);
        return found?.data.unrecorded ? found : undefined;
      }, 120_000);
      expect(refused).toBe(6);
      expect(job.data.unrecorded).toEqual({
        attempt: 1,
        status: 'delivered',
        statusCode: 204,
        durationMs: expect.any(Number),
        error: null,
      });
      expect(await attemptsOf([orderid])).toEqual([{ orderid, attempt: 1, status: 'pending', status_code: null }]);

      outage.mockRestore();
      await job.promote();
      await eventually(async () => {
        const all = await attemptsOf([orderid]);
        return all[0]?.status === 'delivered' ? all : undefined;
      }, 60_000);
      expect(await attemptsOf([orderid])).toEqual([{ orderid, attempt: 1, status: 'delivered', status_code: 204 }]);
      expect(receiver.at('/hooks/outage')).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'starts the chain of an order that finished without one when its recognition job was lost',
    async () => {
      // The worker "dies" between finishing the order and scheduling its webhook, every time, until Redis is flushed.
      const scheduler = service.worker!.get(WebhookScheduler);
      const lost = jest.spyOn(scheduler, 'scheduleForOrder').mockRejectedValue(new Error('worker died (simulated)'));
      const res = await submit('/hooks/unscheduled');
      const orderid = res.body.orderid as string;
      await eventually(async () => {
        const { rows } = await service.sql.query<{ status: string }>('SELECT status FROM orders WHERE orderid = $1', [
          orderid,
        ]);
        return rows[0]?.status === 'failed' ? true : undefined;
      }, 120_000);
      await deleteKeys(service.redis, `${service.config.redisPrefix}:*`);
      lost.mockRestore();
      expect(await attemptsOf([orderid])).toEqual([]);

      await new Promise((resolve) => setTimeout(resolve, 1_100)); // older than SWEEPER_STUCK_AFTER_MS
      expect(await sweeper().sweep()).toEqual({ skipped: false, orders: 0, webhooks: 1 });
      await eventually(async () => {
        const all = await attemptsOf([orderid]);
        return all[0]?.status === 'delivered' ? all : undefined;
      }, 60_000);
      expect(await attemptsOf([orderid])).toEqual([{ orderid, attempt: 1, status: 'delivered', status_code: 204 }]);
      expect(receiver.at('/hooks/unscheduled')).toHaveLength(1);
    },
    SLOW,
  );
});
