import { UseFilters, UseGuards, UsePipes, ValidationPipe, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminExceptionFilter } from './admin-exception.filter';
import { AdminGuard } from './admin.guard';

/** Name of the bearer security scheme in the OpenAPI document. */
export const ADMIN_SECURITY = 'admin';

/**
 * Everything an admin controller needs, on the class: the bearer-token guard, plain REST errors (401/400/404 JSON
 * instead of the Juhe envelope), class-validator DTOs (unknown query or body fields are refused with a 400), and
 * the OpenAPI tag and security scheme. The webhook deliveries controller uses it too.
 */
export function AdminEndpoint(tag: string): ClassDecorator {
  return applyDecorators(
    UseGuards(AdminGuard),
    UseFilters(AdminExceptionFilter),
    UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true })),
    ApiTags(tag),
    ApiBearerAuth(ADMIN_SECURITY),
    ApiUnauthorizedResponse({ description: 'Missing or wrong `Authorization: Bearer <ADMIN_TOKEN>`' }),
  );
}
