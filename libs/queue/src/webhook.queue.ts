import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { type DeliverJobData, WEBHOOKS_QUEUE, WebhookJobName, deliverJobOptions, webhookJobId } from './webhooks.jobs';

/**
 * Producer side of the `webhooks` queue: one `deliver` job per delivery chain, with the attempts and backoff of
 * `WEBHOOK_MAX_ATTEMPTS` / `WEBHOOK_RETRY_BASE_MS`. Adding a chain whose job is still in the queue is a no-op.
 */
@Injectable()
export class WebhookQueue {
  private readonly logger = new Logger(WebhookQueue.name);

  constructor(
    @InjectQueue(WEBHOOKS_QUEUE) private readonly queue: Queue<DeliverJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Adds the `deliver` job of chain `deliveryId` (`webhook-<deliveryId>`). */
  async enqueue(deliveryId: string): Promise<void> {
    const options = deliverJobOptions(deliveryId, this.config.webhookMaxAttempts, this.config.webhookRetryBaseMs);
    await this.queue.add(WebhookJobName.Deliver, { deliveryId }, options);
    this.logger.debug(`webhook delivery ${deliveryId} enqueued as ${webhookJobId(deliveryId)}`);
  }

  /** Jobs not yet finished (waiting, delayed, active), for tests that wait for deliveries to settle. */
  async pendingCount(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }
}
