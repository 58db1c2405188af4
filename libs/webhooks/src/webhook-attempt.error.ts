/**
 * An attempt that did not deliver (non-2xx, timeout, connection refused). A plain `Error` on purpose: the worker
 * lets BullMQ retry it with backoff; the attempt is already recorded in `webhook_deliveries`.
 */
export class WebhookAttemptError extends Error {
  override readonly name = 'WebhookAttemptError';
}
