import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { OrderErasureService, type RetentionRun } from '@zhengjian/orders';
import {
  RETENTION_BATCH,
  RETENTION_EVERY_MS,
  RETENTION_JOB_OPTIONS,
  RETENTION_QUEUE,
  RETENTION_SCHEDULER_ID,
  RetentionJobName,
} from '@zhengjian/queue';

/** What one `erase-expired` run did; `skipped` when `RETENTION_DAYS` is 0 in this worker. */
export type RetentionJobOutcome = RetentionRun | 'skipped';

/**
 * Data retention (PIPL): at boot, upserts the `retention` queue's job scheduler (every {@link RETENTION_EVERY_MS};
 * one schedule however many worker processes upsert it), or removes it when `RETENTION_DAYS` is 0; each run erases,
 * in batches, the personal data of orders finished more than `RETENTION_DAYS` days ago
 * ({@link OrderErasureService.eraseExpired}, idempotent, counts logged).
 */
@Processor(RETENTION_QUEUE)
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OrderErasureService) private readonly erasure: OrderErasureService,
    @InjectQueue(RETENTION_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.on('error', (err) => this.logger.warn(`worker: ${err.message}`));
    // Not awaited: with Redis down the boot (and the recognition worker) must not wait for the schedule.
    this.schedule().catch((err: unknown) => this.logger.warn(`retention schedule not set: ${(err as Error).message}`));
  }

  /** Upserts the job scheduler, or removes it when `RETENTION_DAYS` is 0. Idempotent; every worker runs it at boot. */
  async schedule(): Promise<void> {
    if (this.config.retentionDays === 0) {
      await this.queue.removeJobScheduler(RETENTION_SCHEDULER_ID);
      this.logger.log('data retention off (RETENTION_DAYS=0): no scheduled erasure');
      return;
    }
    await this.queue.upsertJobScheduler(
      RETENTION_SCHEDULER_ID,
      { every: RETENTION_EVERY_MS },
      { name: RetentionJobName.EraseExpired, data: {}, opts: RETENTION_JOB_OPTIONS },
    );
    this.logger.log(`data retention: erasing orders finished over ${this.config.retentionDays} days ago, hourly`);
  }

  async process(job: Job<Record<string, never>, RetentionJobOutcome, RetentionJobName>): Promise<RetentionJobOutcome> {
    switch (job.name) {
      case RetentionJobName.EraseExpired:
        return this.eraseExpired();
    }
    throw new UnrecoverableError(`unknown job name ${String(job.name)}`);
  }

  /** One retention pass; `skipped` when this worker has retention off (a schedule left by another config). */
  async eraseExpired(): Promise<RetentionJobOutcome> {
    if (this.config.retentionDays === 0) return 'skipped';
    return this.erasure.eraseExpired(this.config.retentionDays, RETENTION_BATCH);
  }
}
