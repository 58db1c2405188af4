import type { Job, Worker } from 'bullmq';
import type { ZhengjianMetrics } from './zhengjian.metrics';

/**
 * Counts a BullMQ worker's job attempts in `zhengjian_jobs_total{queue,outcome}`: `completed`; `retried` when an
 * attempt failed and BullMQ will run the job again; `failed` when it will not (last attempt, or an
 * `UnrecoverableError`). Call once per worker, e.g. from the processor's `onApplicationBootstrap`.
 */
export function trackJobOutcomes(worker: Worker, metrics: ZhengjianMetrics): void {
  const queue = worker.name;
  worker.on('completed', () => metrics.jobs.inc({ queue, outcome: 'completed' }));
  worker.on('failed', (job: Job | undefined, err: Error) => {
    metrics.jobs.inc({ queue, outcome: willRetry(job, err) ? 'retried' : 'failed' });
  });
}

function willRetry(job: Job | undefined, err: Error): boolean {
  if (!job || err.name === 'UnrecoverableError') return false;
  return job.attemptsMade < (job.opts.attempts ?? 1);
}
