import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { ORDERS, type OrdersPort } from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';
import { WebhookScheduler } from '@zhengjian/webhooks';
import { DataSource } from 'typeorm';

/** Orders (and webhook chains) looked at per sweep; the rest wait for the next one. */
export const SWEEP_BATCH = 200;

/**
 * Key of the session-level advisory lock a sweep holds, so that the sweepers of several workers never sweep at once
 * (Juhe's module 215, "sweeper" 4; the migration runner uses 2153).
 */
export const SWEEPER_LOCK_KEY = 2154;

/** What one sweep did; `skipped` when another worker's sweeper held the lock. */
export interface SweepResult {
  skipped: boolean;
  orders: number;
  webhooks: number;
}

/**
 * Every `SWEEPER_INTERVAL_MS`, puts back what Redis lost, from PostgreSQL (the truth): orders stuck in
 * `queued`/`processing` for longer than `SWEEPER_STUCK_AFTER_MS` are re-enqueued (their job was lost, or failed
 * without finishing the order while the database was down), and webhook chains whose last attempt is still pending
 * or to be retried get their job back with the attempts they have left. A job still in the queue is left alone; a
 * worker killed mid-job is recovered by BullMQ's stalled-job check. One sweeper at a time across workers (advisory
 * lock); deterministic job ids make a late duplicate harmless anyway.
 */
@Injectable()
export class StuckOrderSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StuckOrderSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<SweepResult> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(RecognitionQueue) private readonly queue: RecognitionQueue,
    @Inject(WebhookScheduler) private readonly webhooks: WebhookScheduler,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.sweeperIntervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One pass. Never throws (a failed pass is logged and retried later). */
  sweep(): Promise<SweepResult> {
    this.sweeping ??= this.sweepLocked().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private async sweepLocked(): Promise<SweepResult> {
    const none: SweepResult = { skipped: false, orders: 0, webhooks: 0 };
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [SWEEPER_LOCK_KEY])) as [
        { locked: boolean },
      ];
      if (!locked) return { ...none, skipped: true };
      try {
        return await this.sweepOnce();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SWEEPER_LOCK_KEY]);
      }
    } catch (err) {
      this.logger.warn(`sweep failed: ${(err as Error).message}`);
      return none;
    } finally {
      await runner.release();
    }
  }

  private async sweepOnce(): Promise<SweepResult> {
    const stuck = await this.orders.findStuck(this.config.sweeperStuckAfterMs, SWEEP_BATCH);
    let orders = 0;
    for (const order of stuck) {
      const outcome = await this.queue.requeue(order);
      if (outcome !== 'left-in-queue') orders++;
    }
    if (orders > 0) this.logger.log(`re-enqueued ${orders} of ${stuck.length} stuck orders`);
    const webhooks = await this.webhooks.resumeUnsettled(this.config.sweeperStuckAfterMs, SWEEP_BATCH);
    if (webhooks > 0) this.logger.log(`resumed ${webhooks} webhook delivery chains`);
    return { skipped: false, orders, webhooks };
  }
}
