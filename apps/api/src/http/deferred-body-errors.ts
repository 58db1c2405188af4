import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { BodyParseError } from './body-parsers';

/** Where a body failure waits on the request until the route's guard rethrows it. */
const BODY_PARSE_ERROR = Symbol('bodyParseError');

type RequestWithBodyError = Request & { [BODY_PARSE_ERROR]?: BodyParseError };

/**
 * The error middleware right after the body parsers: whatever they failed with (http-errors with or without a
 * `type`, a zlib error of a broken `br`/`gzip` body) is kept on the request as a {@link BodyParseError} and the
 * request goes on to routing with no body. Body failures happen before routing, where only a global exception
 * filter could see them; deferring them lets {@link BodyParseErrorGuard} rethrow them inside the matched route, so
 * each API family's own filter answers them in its own shape. An unknown route with a bad body is just a 404.
 */
export function deferBodyParseErrors(): ErrorRequestHandler {
  return (err: unknown, req: Request, _res: Response, next: NextFunction) => {
    (req as RequestWithBodyError)[BODY_PARSE_ERROR] = BodyParseError.from(err);
    (req as { body?: unknown }).body = undefined;
    next();
  };
}

/**
 * Global guard (first of all guards, so before the admin token and any interceptor such as multer): rethrows the
 * body failure {@link deferBodyParseErrors} kept, inside the route, where the controller's exception filter sees it.
 */
@Injectable()
export class BodyParseErrorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const failure = context.switchToHttp().getRequest<RequestWithBodyError>()[BODY_PARSE_ERROR];
    if (failure) throw failure;
    return true;
  }
}
