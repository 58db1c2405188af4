/**
 * The `retention` queue: one repeatable job (a BullMQ job scheduler) that erases the personal data of orders older
 * than `RETENTION_DAYS`. Its payload is empty: the job finds its orders in Postgres.
 */
import type { JobsOptions } from 'bullmq';

/** BullMQ queue of the data-retention job; only the worker consumes it and schedules its job. */
export const RETENTION_QUEUE = 'retention';

/** Job names of the `retention` queue; the processor switches on them exhaustively. */
export const RetentionJobName = {
  EraseExpired: 'erase-expired',
} as const;
export type RetentionJobName = (typeof RetentionJobName)[keyof typeof RetentionJobName];

/** Id of the job scheduler: every worker process upserts the same one, so there is one schedule, not one per process. */
export const RETENTION_SCHEDULER_ID = 'retention-erase-expired';

/** How often the retention job runs: hourly, so data is erased at most an hour after its retention ended. */
export const RETENTION_EVERY_MS = 3_600_000;

/** Orders erased per transaction: bounded locks and WAL per batch; a run loops until a batch comes back short. */
export const RETENTION_BATCH = 500;

/** Options of each `erase-expired` job: a failed run is simply retried by the next one an hour later. */
export const RETENTION_JOB_OPTIONS: JobsOptions = {
  attempts: 1,
  removeOnComplete: { age: 7 * 86_400, count: 200 },
  removeOnFail: { age: 30 * 86_400, count: 200 },
};
