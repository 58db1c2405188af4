/**
 * The `webhooks` queue's job names, payloads and options. Like the `recognition` queue, payloads carry ids only: the
 * target URL and the attempt history live in `webhook_deliveries`, the payload is rebuilt from the order row.
 */
import type { JobsOptions } from 'bullmq';

/** BullMQ queue of webhook deliveries: the worker consumes it; the worker (on completion) and the api produce. */
export const WEBHOOKS_QUEUE = 'webhooks';

/** Job names of the `webhooks` queue; the processor switches on them exhaustively. */
export const WebhookJobName = {
  Deliver: 'deliver',
} as const;
export type WebhookJobName = (typeof WebhookJobName)[keyof typeof WebhookJobName];

/**
 * An attempt that was made but could not be written to `webhook_deliveries` (PostgreSQL down): kept on the job until
 * the next run writes it. Holds no personal data (an attempt number, an HTTP status, a duration, an error text).
 */
export interface UnrecordedAttemptData {
  attempt: number;
  status: 'delivered' | 'retrying' | 'failed';
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** `deliver`: run the next attempt of the delivery chain `deliveryId` (`webhook_deliveries.delivery_id`). */
export interface DeliverJobData {
  deliveryId: string;
  /** An earlier attempt of this chain still to be recorded. */
  unrecorded?: UnrecordedAttemptData;
}

/** Payload type per job name. */
export interface WebhookJobDataMap {
  [WebhookJobName.Deliver]: DeliverJobData;
}

/** Deterministic job id `webhook-<deliveryId>`: scheduling the same chain twice adds one job. */
export function webhookJobId(deliveryId: string): string {
  return `webhook-${deliveryId}`;
}

/** Finished delivery jobs are kept a day (bounded): the `webhook_deliveries` rows are the record. */
export const WEBHOOK_KEEP_COMPLETED = { age: 86_400, count: 1_000 } as const;
export const WEBHOOK_KEEP_FAILED = { age: 7 * 86_400, count: 5_000 } as const;

/** Deliveries in flight per worker process: they wait on the network, not the CPU. */
export const WEBHOOK_CONCURRENCY = 8;

/**
 * Options of a `deliver` job: `maxAttempts` attempts in total with exponential backoff from `retryBaseMs` (BullMQ
 * waits `retryBaseMs · 2^(n-1)` before attempt n+1: 6 attempts from 120 s span 62 minutes). A chain resumed by the
 * sweeper gets the attempts it has left; the attempt numbers themselves come from `webhook_deliveries`.
 */
export function deliverJobOptions(deliveryId: string, maxAttempts: number, retryBaseMs: number): JobsOptions {
  return {
    jobId: webhookJobId(deliveryId),
    attempts: maxAttempts,
    backoff: { type: 'exponential', delay: retryBaseMs },
    removeOnComplete: WEBHOOK_KEEP_COMPLETED,
    removeOnFail: WEBHOOK_KEEP_FAILED,
  };
}
