import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { type JuheEnvelope, JuheError, JuheErrorCode, envelopeFromError, errorEnvelope } from '@zhengjian/juhe';
import { BodyParseError, isClientGone } from './body-parsers';

/** What body-parser and multer throw: `http-errors` objects with a status and, for body-parser, a `type`. */
interface HttpErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
}

/** The reason of a body that is not JSON (body-parser's `entity.parse.failed`), instead of "image upload error". */
export const MALFORMED_JSON_REASON = 'request body is not valid JSON';

/**
 * The Juhe-compatible endpoints' exception filter (`@UseFilters` on their controller). Every contract outcome is
 * HTTP 200 with Juhe's envelope, as Juhe answers: `JuheError` → its code and reason; an over-size body
 * (body-parser's `entity.too.large`, multer's file-size limit) → 215302, never a bare 413 page; an unreadable body
 * (broken multipart or `Content-Encoding`, unknown charset) → 215307; a JSON body that does not parse → 215307 with
 * the reason {@link MALFORMED_JSON_REASON}. Anything else is a bug: 10014 to the client, the stack in the log under
 * an error id. Body failures reach it through `BodyParseErrorGuard`, inside the route.
 */
@Catch()
export class JuheExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(JuheExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (isClientGone(exception)) {
      this.logger.log('client closed the connection before its request body was read');
      return;
    }
    const envelope = this.envelopeFor(exception);
    response.status(this.statusFor(envelope)).json(envelope);
  }

  /** HTTP status of an envelope answer: always 200 here, as Juhe answers (the async API's filter maps codes). */
  protected statusFor(_envelope: JuheEnvelope<never>): number {
    return HttpStatus.OK;
  }

  protected envelopeFor(exception: unknown): JuheEnvelope<never> {
    if (exception instanceof JuheError) return envelopeFromError(exception);
    const status = statusOf(exception);
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
      this.logger.log('request body over the size limit: 215302');
      return errorEnvelope(JuheErrorCode.FileTooLarge);
    }
    if (isMalformedJson(exception)) {
      this.logger.log('request body is not valid JSON: 215307');
      return { error_code: JuheErrorCode.UploadError, reason: MALFORMED_JSON_REASON, result: null };
    }
    if (status !== undefined && status >= 400 && status < 500) {
      this.logger.log(`unreadable request body (${status}): 215307`);
      return errorEnvelope(JuheErrorCode.UploadError);
    }
    const errorId = randomUUID();
    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`error ${errorId}: ${err.name}: ${err.message}`, err.stack);
    return errorEnvelope(JuheErrorCode.InternalError);
  }
}

/** Whether a body failure is JSON that does not parse (body-parser's `entity.parse.failed` on a JSON body). */
export function isMalformedJson(exception: unknown): boolean {
  return exception instanceof BodyParseError && exception.type === 'entity.parse.failed';
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (exception instanceof BodyParseError) return exception.status;
  if (exception && typeof exception === 'object') {
    const { status, statusCode, type } = exception as HttpErrorLike;
    if (type === 'entity.too.large') return HttpStatus.PAYLOAD_TOO_LARGE;
    // Only body-parser's own errors carry a `type`; a bare status on anything else is not trusted.
    if (typeof type === 'string' && type.length > 0) return status ?? statusCode;
  }
  return undefined;
}
