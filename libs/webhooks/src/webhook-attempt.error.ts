import { UnrecoverableError } from 'bullmq';
import type { UnrecordedAttemptData } from '@zhengjian/queue';

/**
 * An attempt that did not deliver (non-2xx, timeout, connection refused). A plain `Error` on purpose: the worker
 * lets BullMQ retry it with backoff; the attempt is already recorded in `webhook_deliveries`.
 */
export class WebhookAttemptError extends Error {
  override readonly name = 'WebhookAttemptError';
}

/** The chain's last attempt failed (recorded `failed`): no retry. */
export class WebhookChainFailedError extends UnrecoverableError {
  override readonly name = 'WebhookChainFailedError';
}

/**
 * The attempt was made but PostgreSQL refused its record even after retries: the worker keeps `attempt` on the job
 * and BullMQ retries the job, whose next run writes it first (so the attempt is neither lost nor repeated).
 */
export class UnrecordedAttemptError extends Error {
  override readonly name = 'UnrecordedAttemptError';

  constructor(
    readonly attempt: UnrecordedAttemptData,
    cause: unknown,
  ) {
    super(`attempt ${attempt.attempt} made (${attempt.status}) but not recorded: ${(cause as Error).message}`);
  }
}
