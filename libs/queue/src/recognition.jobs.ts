/**
 * The `recognition` queue's job names, payloads and options. Payloads carry ids only: Redis keeps job data in clear
 * text, so no image, result, name or ID number ever goes into a job (ARCHITECTURE §6).
 */
import type { JobsOptions } from 'bullmq';

/** BullMQ queue name shared by the api (producer) and the worker (consumer). */
export const RECOGNITION_QUEUE = 'recognition';

/** Job names of the `recognition` queue; the processor switches on them exhaustively. */
export const RecognitionJobName = {
  Recognize: 'recognize',
} as const;
export type RecognitionJobName = (typeof RecognitionJobName)[keyof typeof RecognitionJobName];

/** `recognize`: run the order with this internal id (`OrderView.id`, a uuid) through the engine. */
export interface RecognizeJobData {
  orderId: string;
}

/** Payload type per job name. */
export interface RecognitionJobDataMap {
  [RecognitionJobName.Recognize]: RecognizeJobData;
}

/**
 * Deterministic job id `recognize-<orderid>` (the Juhe order number): adding the same order twice is a no-op while
 * the first job is still in the queue, so the api, a retry and the sweeper can never run an order in parallel.
 */
export function recognizeJobId(orderid: string): string {
  return `recognize-${orderid}`;
}

/** Transient failures (database or Redis briefly down) are retried this many times in total. */
export const RECOGNIZE_JOB_ATTEMPTS = 5;
/** Exponential backoff base: 1 s, 2 s, 4 s, 8 s between attempts; long enough to ride out a database restart. */
export const RECOGNIZE_JOB_BACKOFF_MS = 1_000;
/** Completed jobs are kept an hour (at most 1000) for inspection; the order row is the record, not the job. */
export const RECOGNIZE_KEEP_COMPLETED = { age: 3_600, count: 1_000 } as const;
/** Failed jobs are kept a day (at most 5000): long enough to investigate, bounded so Redis never fills up. */
export const RECOGNIZE_KEEP_FAILED = { age: 86_400, count: 5_000 } as const;

/** Options of every `recognize` job. */
export function recognizeJobOptions(orderid: string): JobsOptions {
  return {
    jobId: recognizeJobId(orderid),
    attempts: RECOGNIZE_JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: RECOGNIZE_JOB_BACKOFF_MS },
    removeOnComplete: RECOGNIZE_KEEP_COMPLETED,
    removeOnFail: RECOGNIZE_KEEP_FAILED,
  };
}

/**
 * Worker lock: a job whose worker died (SIGKILL) is seen as stalled once its lock expires and is moved back to
 * `wait` by the next stalled-job check; a second stall fails it and the sweeper takes over.
 */
export const RECOGNITION_LOCK_DURATION_MS = 30_000;
export const RECOGNITION_STALLED_INTERVAL_MS = 15_000;
export const RECOGNITION_MAX_STALLED_COUNT = 2;
