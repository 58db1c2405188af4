import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import {
  RECOGNITION_LOCK_DURATION_MS,
  RECOGNITION_MAX_STALLED_COUNT,
  RECOGNITION_QUEUE,
  RECOGNITION_STALLED_INTERVAL_MS,
  RecognitionJobName,
  type RecognizeJobData,
} from '@zhengjian/queue';
import { RecognitionJobService, type RecognitionJobOutcome } from './recognition-job.service';

/**
 * Consumer of the `recognition` queue: switches on the job name and delegates. Created with `autorun: false` and
 * started once the app has booted (models loaded), with `WORKER_CONCURRENCY` from the config. On shutdown Nest's
 * Bull module closes the worker, which waits for the jobs in flight.
 */
@Processor(RECOGNITION_QUEUE, {
  autorun: false,
  lockDuration: RECOGNITION_LOCK_DURATION_MS,
  stalledInterval: RECOGNITION_STALLED_INTERVAL_MS,
  maxStalledCount: RECOGNITION_MAX_STALLED_COUNT,
})
export class RecognitionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RecognitionProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RecognitionJobService) private readonly jobs: RecognitionJobService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
    this.worker.on('error', (err) => this.logger.warn(`worker: ${err.message}`));
    this.worker.run().catch((err: unknown) => this.logger.error(`worker stopped: ${(err as Error).message}`));
    this.logger.log(`taking recognition jobs, concurrency ${this.config.workerConcurrency}`);
  }

  async process(job: Job<RecognizeJobData, RecognitionJobOutcome, RecognitionJobName>): Promise<RecognitionJobOutcome> {
    switch (job.name) {
      case RecognitionJobName.Recognize:
        return this.recognize(job);
    }
    throw new UnrecoverableError(`unknown job name ${String(job.name)}`);
  }

  private async recognize(job: Job<RecognizeJobData>): Promise<RecognitionJobOutcome> {
    try {
      return await this.jobs.run(job.data.orderId);
    } catch (err) {
      const attempts = job.opts.attempts ?? 1;
      this.logger.warn(`job ${job.id} attempt ${job.attemptsMade + 1}/${attempts} failed: ${(err as Error).message}`);
      // UnrecoverableError: the service already recorded the outcome; otherwise only the last attempt records it.
      if (!(err instanceof UnrecoverableError) && job.attemptsMade + 1 >= attempts) {
        await this.jobs.failPermanently(job.data.orderId, err, attempts);
      }
      throw err;
    }
  }
}
