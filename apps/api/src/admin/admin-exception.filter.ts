import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ApiKeyInputError } from '@zhengjian/access';
import { InvalidCursorError } from '@zhengjian/orders';

/**
 * The admin API's own error answers: plain REST (HTTP status + `{ statusCode, error, message }`), not the Juhe
 * envelope the global filter gives the Juhe-compatible endpoints. Controller-scoped filters run before the global
 * one, so `@AdminEndpoint()` routes never reach it. Invalid key fields and cursors are 400s; anything
 * unexpected is a 500 with an error id (the stack goes to the log, never to the client).
 */
@Catch()
export class AdminExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(AdminExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const status = exception.getStatus();
      response.status(status).json(typeof body === 'string' ? { statusCode: status, message: body } : body);
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
