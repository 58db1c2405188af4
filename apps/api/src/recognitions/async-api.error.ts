/**
 * Codes of the async API's own refusals, which Juhe's table has no code for. They follow Juhe's numbering (leading
 * 2 = service error, then a module number, then the error): module 154 is zhengjian's async API, next to Juhe's
 * 153 (证件识别), so they can never collide with a Juhe code. Each has a fixed HTTP status.
 */
export const AsyncApiErrorCode = {
  /** No such order for this key (also: the order belongs to another key). 404. */
  OrderNotFound: 215401,
  /** `callbackUrl` is not an http(s) URL, or targets a private/loopback/link-local address. 400. */
  CallbackUrlRefused: 215402,
  /** The `Idempotency-Key` header is empty, longer than 255 characters or not printable ASCII. 400. */
  IdempotencyKeyInvalid: 215403,
  /** The `Idempotency-Key` was used within 24 h with a different request. 422. */
  IdempotencyKeyReused: 215404,
  /** The first request with this `Idempotency-Key` is still being accepted; retry shortly. 409. */
  IdempotencyKeyInProgress: 215405,
  /** No `/v1` endpoint at this path and method. 404. */
  RouteNotFound: 215406,
  /** `DELETE /v1/recognitions/:orderid` of an order still queued or processing: erase it once it finished. 409. */
  OrderNotFinished: 215407,
} as const;
export type AsyncApiErrorCode = (typeof AsyncApiErrorCode)[keyof typeof AsyncApiErrorCode];

const TABLE: Readonly<Record<AsyncApiErrorCode, { reason: string; httpStatus: number }>> = {
  [AsyncApiErrorCode.OrderNotFound]: { reason: 'order not found', httpStatus: 404 },
  [AsyncApiErrorCode.CallbackUrlRefused]: { reason: 'callbackUrl refused', httpStatus: 400 },
  [AsyncApiErrorCode.IdempotencyKeyInvalid]: { reason: 'Idempotency-Key invalid', httpStatus: 400 },
  [AsyncApiErrorCode.IdempotencyKeyReused]: {
    reason: 'Idempotency-Key already used with a different request',
    httpStatus: 422,
  },
  [AsyncApiErrorCode.IdempotencyKeyInProgress]: {
    reason: 'a request with this Idempotency-Key is still in progress, retry later',
    httpStatus: 409,
  },
  [AsyncApiErrorCode.RouteNotFound]: { reason: 'no such endpoint', httpStatus: 404 },
  [AsyncApiErrorCode.OrderNotFinished]: {
    reason: 'the order is not finished yet, erase it once it is',
    httpStatus: 409,
  },
};

/**
 * A refusal of the async API with one of the codes above. Like `JuheError`, it carries a code and never an HTTP
 * exception; the async API's filter answers it with the Juhe envelope and the code's HTTP status.
 */
export class AsyncApiError extends Error {
  override readonly name = 'AsyncApiError';

  /** @param detail a non-personal explanation, appended to the reason in brackets (shown to the client). */
  constructor(
    readonly code: AsyncApiErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code} ${TABLE[code].reason}: ${detail}` : `${code} ${TABLE[code].reason}`);
  }

  get reason(): string {
    return this.detail ? `${TABLE[this.code].reason} (${this.detail})` : TABLE[this.code].reason;
  }

  get httpStatus(): number {
    return TABLE[this.code].httpStatus;
  }

  /** The HTTP status of one of these codes; undefined for any other number. */
  static statusOf(code: number): number | undefined {
    return Object.hasOwn(TABLE, code) ? TABLE[code as AsyncApiErrorCode].httpStatus : undefined;
  }
}
