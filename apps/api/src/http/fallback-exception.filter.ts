import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { UNMATCHED_ROUTE_ANSWERS, type UnmatchedRouteAnswer, unmatchedRouteAnswerFor } from './unmatched-route';

/**
 * The global filter, for what no API family's own filter covers: routes that match nothing (a plain 404 that never
 * echoes the query string, which may hold a key), `/health` when down (503), `/metrics`. HTTP exceptions keep their
 * status and body; anything else is a bug, a 500 with an error id (the stack goes to the log, never to the client).
 * The families answer in their own shape through their controller-scoped filters: the Juhe endpoints
 * (`JuheExceptionFilter`), `/v1` (`AsyncApiExceptionFilter`), `/admin` (`AdminExceptionFilter`); an unmatched path
 * under a family's prefix is answered by the {@link UnmatchedRouteAnswer} that family registered (the `/v1` JSON
 * envelope), picked by prefix only.
 */
@Catch()
export class FallbackExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(FallbackExceptionFilter.name);

  constructor(
    @Optional() @Inject(UNMATCHED_ROUTE_ANSWERS) private readonly unmatched: readonly UnmatchedRouteAnswer[] = [],
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof NotFoundException && isUnmatchedRoute(exception)) {
      const request = http.getRequest<Request>();
      const family = unmatchedRouteAnswerFor(this.unmatched, request.path);
      if (family?.answer) {
        family.answer(request, response);
        return;
      }
    }
    // A path Express cannot percent-decode (`/v1/recognitions/%ZZ`) fails in the router, before any route.
    if (exception instanceof HttpException && exception.getStatus() === 400) {
      const request = http.getRequest<Request>();
      const family = isDecodablePath(request.path) ? undefined : unmatchedRouteAnswerFor(this.unmatched, request.path);
      if (family?.malformedPath) {
        this.logger.log('malformed percent-encoding in the path');
        family.malformedPath(request, response);
        return;
      }
    }
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(withoutQueryString(exception.getResponse()));
      return;
    }
    const errorId = randomUUID();
    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`error ${errorId}: ${err.name}: ${err.message}`, err.stack);
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    response
      .status(status)
      .json({ statusCode: status, error: 'Internal Server Error', message: `error id ${errorId}` });
  }
}

/** Nest's router 404 (`Cannot GET /path`), as opposed to a 404 some handler threw. */
function isUnmatchedRoute(exception: NotFoundException): boolean {
  const body = exception.getResponse();
  const message = typeof body === 'object' ? (body as { message?: unknown }).message : body;
  return typeof message === 'string' && /^Cannot [A-Z-]+ /.test(message);
}

/**
 * Nest's 404 for an unknown route says `Cannot GET /path?query`: the query string may hold a key, so it is cut.
 */
function withoutQueryString(body: string | object): string | object {
  if (typeof body !== 'object' || body === null) return body;
  const { message } = body as { message?: unknown };
  if (typeof message !== 'string' || !/^Cannot [A-Z-]+ /.test(message)) return body;
  const query = message.indexOf('?');
  return query === -1 ? body : { ...body, message: message.slice(0, query) };
}

function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
