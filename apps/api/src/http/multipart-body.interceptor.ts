import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
  Optional,
} from '@nestjs/common';
import { AnyFilesInterceptor, type MulterModuleOptions } from '@nestjs/platform-express';
import { MULTER_MODULE_OPTIONS } from '@nestjs/platform-express/multer/files.constants';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { BodyParseError, REQUEST_ABORTED } from './body-parsers';

/**
 * Reads a `multipart/form-data` body with multer (files in `req.files`, text fields in `req.body`, the limits of
 * `MulterModule`) and makes every way it can fail a client error:
 *
 * - another multipart subtype (`multipart/mixed`, `related`, `alternative`…), which busboy cannot read, is left
 *   unread and the request goes on with no body: the route answers what is missing, as for an empty body;
 * - a client that disconnects mid-upload is a {@link BodyParseError} of type {@link REQUEST_ABORTED} (the filters
 *   log it at info and send nothing);
 * - anything else multer or busboy fails with that is not already an HTTP error is a {@link BodyParseError} 400
 *   (215307 on the Juhe paths, HTTP 400 on `/v1`), never a 500.
 */
@Injectable()
export class MultipartBodyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(MultipartBodyInterceptor.name);
  private readonly files: NestInterceptor;

  constructor(@Optional() @Inject(MULTER_MODULE_OPTIONS) options: MulterModuleOptions | undefined) {
    const Files = AnyFilesInterceptor();
    this.files = new Files(options ?? {});
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.is('multipart') && !req.is('multipart/form-data')) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.slice(0, 80);
      this.logger.log(`${type} body not read (only multipart/form-data is)`);
      req.resume();
      return next.handle();
    }
    try {
      return await this.files.intercept(context, next);
    } catch (err) {
      throw refusal(err, req);
    }
  }
}

/** What multer fails with when the request stream ends early. */
const ABORT_MESSAGES: ReadonlySet<string> = new Set(['Request aborted', 'Request closed']);

function refusal(err: unknown, req: Request): unknown {
  const gone = (req.destroyed || req.readableAborted) && !req.complete;
  if (gone || (err instanceof Error && ABORT_MESSAGES.has(err.message))) {
    return new BodyParseError(400, 'client closed the connection during the upload', REQUEST_ABORTED);
  }
  if (err instanceof HttpException || err instanceof BodyParseError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new BodyParseError(400, `unreadable multipart body: ${message}`, 'multipart.unreadable');
}
