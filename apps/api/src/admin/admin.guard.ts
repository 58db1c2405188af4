import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { ADMIN_UNAUTHORIZED_BODY, isAdminAuthorization } from './admin-token';

/**
 * Guards every `/admin/*` route: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. A missing or
 * wrong token is a 401 with a JSON error body (use it with `@AdminEndpoint()`, whose filter keeps the 401 instead of
 * the Juhe envelope). Logs the refusal with the path only, never what was presented.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly logger = new Logger(AdminGuard.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (isAdminAuthorization(request.headers.authorization, this.config.adminToken)) return true;
    this.logger.warn(`admin request refused: ${request.method} ${request.path}`);
    throw new UnauthorizedException(ADMIN_UNAUTHORIZED_BODY);
  }
}
