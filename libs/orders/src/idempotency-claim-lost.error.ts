/**
 * The `Idempotency-Key` a request held was taken over by a retry (its lock expired) before the order was created:
 * the order was not created, so the key's one answer stays the retry's.
 */
export class IdempotencyClaimLostError extends Error {
  override readonly name = 'IdempotencyClaimLostError';
}
