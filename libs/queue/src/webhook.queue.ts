import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobState, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import type { RequeueOutcome } from './recognition.queue';
import { type DeliverJobData, WEBHOOKS_QUEUE, WebhookJobName, deliverJobOptions, webhookJobId } from './webhooks.jobs';

/** Job states in which the job will still run (or is running): the sweeper leaves those alone. */
const PENDING_STATES: ReadonlySet<JobState | 'unknown'> = new Set<JobState | 'unknown'>([
  'active',
  'waiting',
  'waiting-children',
  'delayed',
  'prioritized',
]);

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

  /**
   * Adds the `deliver` job of chain `deliveryId` (`webhook-<deliveryId>`).
   * @param attemptsLeft attempts the chain has left (default `WEBHOOK_MAX_ATTEMPTS`: a new chain).
   */
  async enqueue(
    deliveryId: string,
    attemptsLeft = this.config.webhookMaxAttempts,
    data: DeliverJobData = { deliveryId },
  ): Promise<void> {
    const options = deliverJobOptions(deliveryId, Math.max(1, attemptsLeft), this.config.webhookRetryBaseMs);
    await this.queue.add(WebhookJobName.Deliver, data, options);
    this.logger.debug(`webhook delivery ${deliveryId} enqueued as ${webhookJobId(deliveryId)}`);
  }

  /**
   * Makes sure an unsettled chain (PostgreSQL says its last attempt is pending or to be retried) has a job that will
   * run: none (Redis lost it) → added; one that completed or failed → replaced, keeping an attempt it still has to
   * record; a pending one → left alone.
   */
  async requeue(deliveryId: string, attemptsLeft: number): Promise<RequeueOutcome> {
    const jobId = webhookJobId(deliveryId);
    const state = await this.queue.getJobState(jobId);
    if (PENDING_STATES.has(state)) return 'left-in-queue';
    let data: DeliverJobData = { deliveryId };
    let outcome: RequeueOutcome = 'added';
    if (state === 'completed' || state === 'failed') {
      const old = await this.queue.getJob(jobId);
      if (old?.data.unrecorded) data = { deliveryId, unrecorded: old.data.unrecorded };
      await this.queue.remove(jobId);
      outcome = 'replaced';
    }
    await this.enqueue(deliveryId, attemptsLeft, data);
    this.logger.log(`requeued webhook delivery ${deliveryId} (job was ${state}, ${attemptsLeft} attempts left)`);
    return outcome;
  }

  /** Jobs not yet finished (waiting, delayed, active), for tests that wait for deliveries to settle. */
  async pendingCount(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }
}
