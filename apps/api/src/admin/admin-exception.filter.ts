import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ApiKeyInputError } from '@zhengjian/access';
import { InvalidCursorError } from '@zhengjian/orders';
import { BodyParseError, isClientGone } from '../http/body-parsers';

/**
 * The admin API's own error answers: plain REST (HTTP status + `{ statusCode, error, message }`), not the Juhe
 * envelope the global filter gives the Juhe-compatible endpoints. Controller-scoped filters run before the global
 * one, so `@AdminEndpoint()` routes never reach it. Invalid key fields and cursors are 400s; a body that cannot be
 * read is a 400 (not JSON), 413 (too large) or 415 (encoding, charset) in the same shape; anything
 * unexpected is a 500 with an error id (the stack goes to the log, never to the client).
 */
@Catch()
export class AdminExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(AdminExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (isClientGone(exception)) {
      this.logger.log('client closed the connection before its request body was read');
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const status = exception.getStatus();
      response.status(status).json(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return;
    }
    if (exception instanceof BodyParseError) {
      response.status(exception.status).json(restBodyError(exception));
      return;
    }
    if (exception instanceof ApiKeyInputError || exception instanceof InvalidCursorError) {
      const status = HttpStatus.BAD_REQUEST;
      response.status(status).json({ statusCode: status, error: 'Bad Request', message: [exception.message] });
      return;
    }
    const errorId = randomUUID();
    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`admin error ${errorId}: ${err.name}: ${err.message}`, err.stack);
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    response
      .status(status)
      .json({ statusCode: status, error: 'Internal Server Error', message: `error id ${errorId}` });
  }
}

/** The admin API's 400/413/415 for a body it cannot read, in the shape of its other errors. */
function restBodyError(exception: BodyParseError): { statusCode: number; error: string; message: string[] } {
  switch (exception.status) {
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return { statusCode: exception.status, error: 'Payload Too Large', message: ['request body too large'] };
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return {
        statusCode: exception.status,
        error: 'Unsupported Media Type',
        message: ['unsupported Content-Encoding or charset'],
      };
    default:
      return { statusCode: exception.status, error: 'Bad Request', message: ['request body is not valid JSON'] };
  }
}
