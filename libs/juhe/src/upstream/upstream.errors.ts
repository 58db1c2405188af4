/**
 * Failures of the Juhe upstream that mean "it could not answer" (as opposed to an envelope with an error_code,
 * which is an answer). A provider chain catches these to fall back or to answer 215300.
 */

/** Why the upstream could not answer. */
export type UpstreamFailureKind =
  | 'timeout' // no response within `timeoutMs`
  | 'connection' // refused, reset, DNS failure: the request did not get an HTTP response
  | 'http_status' // an HTTP status other than 200 (5xx, 408 and 429 after the retries)
  | 'invalid_response' // HTTP 200 whose body is not a Juhe envelope (a proxy's HTML page, truncated JSON)
  | 'upstream_network_error' // the upstream itself answered 215300 (its own network error)
  | 'circuit_open'; // the breaker refused the call without trying

export interface UpstreamFailure {
  kind: UpstreamFailureKind;
  /** How many HTTP attempts were made (0 when the breaker refused the call). */
  attempts: number;
  /** The last HTTP status, for `http_status`. */
  status?: number;
  /** The last low-level error code (`ECONNREFUSED`, `ECONNABORTED`, …), for logs. */
  errorCode?: string;
}

/**
 * The Juhe upstream could not produce an answer: thrown by `JuheUpstreamClient.query` once its retries are spent.
 *
 * It deliberately carries no `cause`: axios errors hold the request config, i.e. the operator's appkey and the
 * image, and a `cause` is what loggers print. The low-level code is copied into {@link UpstreamFailure.errorCode}.
 */
export class UpstreamUnavailableError extends Error {
  override readonly name: string = 'UpstreamUnavailableError';
  readonly kind: UpstreamFailureKind;
  readonly attempts: number;
  readonly status?: number;
  readonly errorCode?: string;

  constructor(failure: UpstreamFailure, message?: string) {
    super(message ?? describe(failure));
    this.kind = failure.kind;
    this.attempts = failure.attempts;
    if (failure.status !== undefined) this.status = failure.status;
    if (failure.errorCode !== undefined) this.errorCode = failure.errorCode;
  }
}

/** The circuit breaker is open: the upstream failed repeatedly and is not being called until the cool-down ends. */
export class CircuitOpenError extends UpstreamUnavailableError {
  override readonly name = 'CircuitOpenError';

  /** @param retryAt epoch milliseconds at which the breaker lets a trial call through. */
  constructor(
    readonly breaker: string,
    readonly retryAt: number,
  ) {
    super({ kind: 'circuit_open', attempts: 0 }, `circuit ${breaker} is open until ${new Date(retryAt).toISOString()}`);
  }
}

function describe(f: UpstreamFailure): string {
  const extra = f.status !== undefined ? ` HTTP ${f.status}` : f.errorCode !== undefined ? ` ${f.errorCode}` : '';
  return `Juhe upstream unavailable (${f.kind}${extra}) after ${f.attempts} attempt(s)`;
}
