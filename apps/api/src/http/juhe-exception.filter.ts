import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type JuheEnvelope, JuheError, JuheErrorCode, envelopeFromError, errorEnvelope } from '@zhengjian/juhe';
import { AsyncApiError, AsyncApiErrorCode } from '../recognitions/async-api.error';
import { BodyParseError, REQUEST_ABORTED } from './body-parsers';

/** What body-parser and multer throw: `http-errors` objects with a status and, for body-parser, a `type`. */
interface HttpErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
}

/** Answers outside the Juhe contract keep their HTTP status: unknown routes (404), `/health` when down (503). */
const PLAIN_STATUSES: ReadonlySet<number> = new Set([HttpStatus.NOT_FOUND, HttpStatus.SERVICE_UNAVAILABLE]);

/**
 * The one global exception filter. Every contract outcome is HTTP 200 with Juhe's envelope, as Juhe answers:
 * `JuheError` → its code and reason; an over-size body (body-parser's `entity.too.large`, multer's file-size limit)
 * → 215302, never a bare 413 page; an unreadable body (bad JSON, broken multipart) → 215307. Unknown routes and
 * failing health checks keep their plain 404/503 (without the query string, which may hold a key). Anything else
 * is a bug: 10014 to the client, the stack in the log under an error id.
 *
 * Body failures ({@link BodyParseError}) happen before routing, so only this filter sees them, on every path: it
 * answers them in the shape of the path's API — `/v1/*` the envelope with HTTP 400 (215307) or 413 (215302), as the
 * async API's filter would; `/admin/*` a plain REST `{ statusCode, error, message }` with 400/413/415.
 */
@Catch()
export class JuheExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(JuheExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    // Nobody is left to answer: a client that went away mid-upload is not an error of the service.
    if (exception instanceof BodyParseError && exception.type === REQUEST_ABORTED) {
      this.logger.log('client closed the connection before its request body was read');
      return;
    }
    if (exception instanceof HttpException && PLAIN_STATUSES.has(exception.getStatus())) {
      response.status(exception.getStatus()).json(withoutQueryString(exception.getResponse()));
      return;
    }
    // A path parameter Express cannot percent-decode (`/v1/recognitions/%ZZ`) fails in the router, before any route.
    if (exception instanceof HttpException && exception.getStatus() === 400) {
      const req = http.getRequest<Request>();
      if (!isDecodablePath(req.path) && this.answerMalformedPath(req, response)) return;
    }
    // Body failures happen in the parsers, before any route (and its own filter): answer in the route family's shape.
    if (exception instanceof BodyParseError) {
      const family = routeFamily(http.getRequest<Request>());
      if (family === 'admin') {
        response.status(exception.status).json(restBodyError(exception));
        return;
      }
      if (family === 'async') {
        const envelope = this.envelopeFor(exception);
        response.status(ASYNC_STATUS_BY_CODE.get(envelope.error_code) ?? HttpStatus.BAD_REQUEST).json(envelope);
        return;
      }
    }
    const envelope = this.envelopeFor(exception);
    response.status(this.statusFor(envelope)).json(envelope);
  }

  /**
   * `/v1`: the 404 of an order that does not exist (the only parameter there is an orderid, and no order has an id
   * that is not valid text); `/admin`: a plain REST 400. Juhe's paths have no parameters: nothing to answer here.
   */
  private answerMalformedPath(req: Request, response: Response): boolean {
    const family = routeFamily(req);
    this.logger.log(`malformed percent-encoding in the path (${family} API)`);
    if (family === 'async') {
      const error = new AsyncApiError(AsyncApiErrorCode.OrderNotFound);
      response.status(error.httpStatus).json({ error_code: error.code, reason: error.reason, result: null });
      return true;
    }
    if (family === 'admin') {
      const message = ['malformed percent-encoding in the path'];
      response.status(HttpStatus.BAD_REQUEST).json({ statusCode: 400, error: 'Bad Request', message });
      return true;
    }
    return false;
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

function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** HTTP statuses of body failures on the async API (as its own filter maps 215302 and 215307). */
const ASYNC_STATUS_BY_CODE: ReadonlyMap<number, number> = new Map([
  [JuheErrorCode.FileTooLarge, HttpStatus.PAYLOAD_TOO_LARGE],
  [JuheErrorCode.UploadError, HttpStatus.BAD_REQUEST],
]);

/** Which API a request addressed: `/admin/*` (plain REST errors), `/v1/*` (envelope + HTTP status), else Juhe's. */
function routeFamily(req: Request): 'admin' | 'async' | 'juhe' {
  const { path } = req;
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  if (path === '/v1' || path.startsWith('/v1/')) return 'async';
  return 'juhe';
}

/** The admin API's 400/413 for a body it cannot read, in the shape of its other errors. */
function restBodyError(exception: BodyParseError): { statusCode: number; error: string; message: string[] } {
  const tooLarge = exception.status === HttpStatus.PAYLOAD_TOO_LARGE;
  const status = tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : exception.status;
  const error = tooLarge ? 'Payload Too Large' : status === 415 ? 'Unsupported Media Type' : 'Bad Request';
  const message = tooLarge
    ? 'request body too large'
    : status === 415
      ? 'unsupported Content-Encoding or charset'
      : 'request body is not valid JSON';
  return { statusCode: status, error, message: [message] };
}

/**
 * Nest's 404 for an unknown route says `Cannot GET /path?query`: the query string may hold a key, so it is cut.
 */
function withoutQueryString(body: string | object): string | object {
  if (typeof body !== 'object' || body === null) return body;
  const { message } = body as { message?: unknown };
  if (typeof message !== 'string' || !/^Cannot [A-Z]+ /.test(message)) return body;
  const query = message.indexOf('?');
  return query === -1 ? body : { ...body, message: message.slice(0, query) };
}
