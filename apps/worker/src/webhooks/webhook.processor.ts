import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { type DeliverJobData, WEBHOOKS_QUEUE, WEBHOOK_CONCURRENCY, WebhookJobName } from '@zhengjian/queue';
import { ZhengjianMetrics } from '@zhengjian/metrics';
import {
  type DeliveryOutcome,
  UnrecordedAttemptError,
  WebhookChainFailedError,
  WebhookDeliveryService,
} from '@zhengjian/webhooks';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';

/**
 * Consumer of the `webhooks` queue: switches on the job name and delegates one attempt to
 * {@link WebhookDeliveryService}. A failed attempt throws, and BullMQ schedules the next one with the job's
 * exponential backoff (`WEBHOOK_MAX_ATTEMPTS`, `WEBHOOK_RETRY_BASE_MS`); the service records every attempt and
 * numbers them from PostgreSQL. An attempt PostgreSQL could not record is kept on the job for the next run.
 */
@Processor(WEBHOOKS_QUEUE, { concurrency: WEBHOOK_CONCURRENCY })
export class WebhookProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
        return this.deliverCounted(job);
    }
    throw new UnrecoverableError(`unknown job name ${String(job.name)}`);
  }

  /** One attempt, counted in `zhengjian_webhook_deliveries_total{outcome}`. */
  private async deliverCounted(job: Job<DeliverJobData>): Promise<DeliveryOutcome> {
    const { deliveryId, unrecorded } = job.data;
    try {
      const outcome = await this.deliveries.deliver(deliveryId, this.config.webhookMaxAttempts, unrecorded);
      if (outcome === 'delivered') this.metrics.webhookDeliveries.inc({ outcome: 'delivered' });
      return outcome;
    } catch (err) {
      if (err instanceof UnrecordedAttemptError) {
        // Kept on the job (Redis) until PostgreSQL takes it: the next run writes it before anything else.
        await job.updateData({ deliveryId, unrecorded: err.attempt });
        this.logger.warn(`webhook delivery ${deliveryId}: ${err.message}; kept on the job`);
      }
      const outcome =
        err instanceof WebhookChainFailedError ? 'failed' : err instanceof UnrecoverableError ? 'refused' : 'retried';
      this.metrics.webhookDeliveries.inc({ outcome });
      throw err;
    }
  }
}
