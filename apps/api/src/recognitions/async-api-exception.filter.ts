import { Catch, HttpStatus } from '@nestjs/common';
import { JuheErrorCode, type JuheEnvelope } from '@zhengjian/juhe';
import { JuheExceptionFilter } from '../http/juhe-exception.filter';
import { AsyncApiError } from './async-api.error';

/**
 * HTTP status per `error_code` on the async API. Unlike Juhe's endpoints (always 200), a JSON API for KYC
 * platforms says the outcome in the status too, so generic HTTP clients, retries and monitoring work: 401 unknown
 * key, 403 key refused, 429 over a limit (retry later), 413 image too large, 400 bad request, 503 maintenance, 500
 * internal. The body stays the Juhe envelope `{ error_code, reason, result: null }`.
 */
const STATUS_BY_CODE: ReadonlyMap<number, number> = new Map([
  [JuheErrorCode.InvalidKey, HttpStatus.UNAUTHORIZED],
  [JuheErrorCode.KeyNotPermitted, HttpStatus.FORBIDDEN],
  [JuheErrorCode.KeyExpired, HttpStatus.FORBIDDEN],
  [JuheErrorCode.IpForbidden, HttpStatus.FORBIDDEN],
  [JuheErrorCode.KeyForbidden, HttpStatus.FORBIDDEN],
  [JuheErrorCode.IpRateExceeded, HttpStatus.TOO_MANY_REQUESTS],
  [JuheErrorCode.RequestLimitExceeded, HttpStatus.TOO_MANY_REQUESTS],
  [JuheErrorCode.TestKeyLimitExceeded, HttpStatus.TOO_MANY_REQUESTS],
  [JuheErrorCode.InternalError, HttpStatus.INTERNAL_SERVER_ERROR],
  [JuheErrorCode.Maintenance, HttpStatus.SERVICE_UNAVAILABLE],
  [JuheErrorCode.Disabled, HttpStatus.SERVICE_UNAVAILABLE],
  [JuheErrorCode.NetworkError, HttpStatus.SERVICE_UNAVAILABLE],
  [JuheErrorCode.FileTooLarge, HttpStatus.PAYLOAD_TOO_LARGE],
  [JuheErrorCode.CardTypeError, HttpStatus.BAD_REQUEST],
  [JuheErrorCode.FileTypeError, HttpStatus.BAD_REQUEST],
  [JuheErrorCode.UploadFailed, HttpStatus.BAD_REQUEST],
  [JuheErrorCode.UploadError, HttpStatus.BAD_REQUEST],
]);

/**
 * The async API's filter (controller-scoped, so it runs instead of the global one): the same envelopes as
 * {@link JuheExceptionFilter} plus {@link AsyncApiError}s, with the HTTP status of the code.
 */
@Catch()
export class AsyncApiExceptionFilter extends JuheExceptionFilter {
  protected override envelopeFor(exception: unknown): JuheEnvelope<never> {
    if (exception instanceof AsyncApiError)
      return { error_code: exception.code, reason: exception.reason, result: null };
    return super.envelopeFor(exception);
  }

  protected override statusFor(envelope: JuheEnvelope<never>): number {
    const known = STATUS_BY_CODE.get(envelope.error_code);
    if (known !== undefined) return known;
    return AsyncApiError.statusOf(envelope.error_code) ?? HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
