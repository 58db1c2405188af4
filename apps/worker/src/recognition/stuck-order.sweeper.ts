import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { ORDERS, type OrdersPort } from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';

/** Orders looked at per sweep; the rest wait for the next one. */
export const SWEEP_BATCH = 200;

/**
 * Every `SWEEPER_INTERVAL_MS`, re-enqueues orders stuck in `queued`/`processing` for longer than
 * `SWEEPER_STUCK_AFTER_MS`: their job was lost (Redis flushed) or failed without finishing the order (database down
 * on the last attempt). A job still pending is left alone; a worker killed mid-job is recovered by BullMQ's
 * stalled-job check. Deterministic job ids make concurrent sweepers (one per worker process) harmless.
 */
@Injectable()
export class StuckOrderSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StuckOrderSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(RecognitionQueue) private readonly queue: RecognitionQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.sweeperIntervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One pass; returns how many orders got a new job. Never throws (a failed pass is logged and retried later). */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    try {
      const stuck = await this.orders.findStuck(this.config.sweeperStuckAfterMs, SWEEP_BATCH);
      let requeued = 0;
      for (const order of stuck) {
        const outcome = await this.queue.requeue(order);
        if (outcome !== 'left-in-queue') requeued++;
      }
      if (requeued > 0) this.logger.log(`re-enqueued ${requeued} of ${stuck.length} stuck orders`);
      return requeued;
    } catch (err) {
      this.logger.warn(`sweep failed: ${(err as Error).message}`);
      return 0;
    }
  }
}
