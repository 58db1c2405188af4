import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { type DeliverJobData, WEBHOOKS_QUEUE, WEBHOOK_CONCURRENCY, WebhookJobName } from '@zhengjian/queue';
import { ZhengjianMetrics } from '@zhengjian/metrics';
import { type DeliveryOutcome, WebhookDeliveryService } from '@zhengjian/webhooks';

/**
 * Consumer of the `webhooks` queue: switches on the job name and delegates one attempt to
 * {@link WebhookDeliveryService}. A failed attempt throws, and BullMQ schedules the next one with the job's
 * exponential backoff (`WEBHOOK_MAX_ATTEMPTS`, `WEBHOOK_RETRY_BASE_MS`); the service records every attempt.
 */
@Processor(WEBHOOKS_QUEUE, { concurrency: WEBHOOK_CONCURRENCY })
export class WebhookProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookProcessor.name);

  constructor(
    @Inject(WebhookDeliveryService) private readonly deliveries: WebhookDeliveryService,
    @Inject(ZhengjianMetrics) private readonly metrics: ZhengjianMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.on('error', (err) => this.logger.warn(`worker: ${err.message}`));
    this.logger.log(`taking webhook jobs, concurrency ${WEBHOOK_CONCURRENCY}`);
  }

  async process(job: Job<DeliverJobData, DeliveryOutcome, WebhookJobName>): Promise<DeliveryOutcome> {
    switch (job.name) {
      case WebhookJobName.Deliver:
        // attemptsMade counts the failed attempts so far: this run is attempt attemptsMade + 1.
        return this.deliverCounted(job.data.deliveryId, job.attemptsMade + 1, job.opts.attempts ?? 1);
    }
    throw new UnrecoverableError(`unknown job name ${String(job.name)}`);
  }

  /** One attempt, counted in `zhengjian_webhook_deliveries_total{outcome}`. */
  private async deliverCounted(deliveryId: string, attempt: number, maxAttempts: number): Promise<DeliveryOutcome> {
    try {
      const outcome = await this.deliveries.deliver(deliveryId, attempt, maxAttempts);
      if (outcome === 'delivered') this.metrics.webhookDeliveries.inc({ outcome: 'delivered' });
      return outcome;
    } catch (err) {
      const outcome = err instanceof UnrecoverableError ? 'refused' : attempt >= maxAttempts ? 'failed' : 'retried';
      this.metrics.webhookDeliveries.inc({ outcome });
      throw err;
    }
  }
}
