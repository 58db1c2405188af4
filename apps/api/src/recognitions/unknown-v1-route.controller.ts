import { All, Controller, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { AsyncApiExceptionFilter } from './async-api-exception.filter';
import { AsyncApiError, AsyncApiErrorCode } from './async-api.error';

/**
 * Every `/v1` path and method no other controller serves: 404 with the async API's envelope (215406) instead of
 * Express's HTML page. Registered after the `/v1` controllers, so it only sees what they did not match. Not a
 * documented operation: it is the absence of one.
 */
@ApiExcludeController()
@Controller('v1')
@UseFilters(AsyncApiExceptionFilter)
export class UnknownV1RouteController {
  @All(['', '*path'])
  notFound(@Req() req: Request): never {
    throw new AsyncApiError(AsyncApiErrorCode.RouteNotFound, `${req.method} ${req.path}`);
  }
}
