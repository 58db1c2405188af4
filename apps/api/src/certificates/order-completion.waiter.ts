import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { ORDERS, type OrderView, type OrdersPort } from '@zhengjian/orders';
import { RECOGNITION_QUEUE, recognizeJobId, redisConnectionOptions } from '@zhengjian/queue';

/**
 * The order row is re-read at least this often while waiting, so a missed queue event (Redis reconnect, job
 * replaced by the sweeper) costs at most this much latency, never a wrong answer.
 */
export const ORDER_POLL_INTERVAL_MS = 500;

/**
 * Waits for an order to finish. The state is read from Postgres (the order row), never from BullMQ; the queue's
 * `completed`/`failed` events only say *when* to read it again, which keeps the sync round trip close to the
 * engine's own time. One `QueueEvents` connection per api process serves every waiting request.
 */
@Injectable()
export class OrderCompletionWaiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OrderCompletionWaiter.name);
  private readonly wakeups = new Map<string, Set<() => void>>();
  private events: QueueEvents | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ORDERS) private readonly orders: OrdersPort,
  ) {}

  async onModuleInit(): Promise<void> {
    const events = new QueueEvents(RECOGNITION_QUEUE, {
      connection: redisConnectionOptions(this.config.redisUrl),
      prefix: this.config.redisPrefix,
    });
    events.on('completed', ({ jobId }) => this.wake(jobId));
    events.on('failed', ({ jobId }) => this.wake(jobId));
    events.on('error', (err) => this.logger.warn(`queue events: ${err.message}`));
    await events.waitUntilReady();
    this.events = events;
  }

  async onModuleDestroy(): Promise<void> {
    for (const wakers of this.wakeups.values()) for (const wake of wakers) wake();
    await this.events?.close();
  }

  /**
   * The finished order, or null when `timeoutMs` passed first or `abort` fired (the client went away); the order
   * itself is left as it is.
   */
  async waitFor(
    order: Pick<OrderView, 'id' | 'orderid'>,
    timeoutMs: number,
    abort?: AbortSignal,
  ): Promise<OrderView | null> {
    const jobId = recognizeJobId(order.orderid);
    const deadline = Date.now() + timeoutMs;
    let wake: (() => void) | undefined;
    let signalled = false;
    const wakers = this.wakeups.get(jobId) ?? new Set<() => void>();
    const onEvent = () => {
      signalled = true;
      wake?.();
    };
    wakers.add(onEvent);
    this.wakeups.set(jobId, wakers);
    abort?.addEventListener('abort', onEvent);
    try {
      for (;;) {
        signalled = false;
        if (abort?.aborted) return null;
        const row = await this.orders.findById(order.id);
        if (row && (row.status === 'succeeded' || row.status === 'failed')) return row;
        const left = deadline - Date.now();
        if (left <= 0 || abort?.aborted) return null;
        if (signalled) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, ORDER_POLL_INTERVAL_MS));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    } finally {
      abort?.removeEventListener('abort', onEvent);
      wakers.delete(onEvent);
      if (wakers.size === 0) this.wakeups.delete(jobId);
    }
  }

  private wake(jobId: string): void {
    for (const wake of this.wakeups.get(jobId) ?? []) wake();
  }
}
