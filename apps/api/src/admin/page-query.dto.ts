import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsInstant } from './is-instant.decorator';

/** Longest page of an admin listing. */
export const MAX_PAGE = 200;
/** Page size when `limit` is not given. */
export const DEFAULT_PAGE = 50;
/** Largest PostgreSQL `integer`: a numeric filter beyond it is a 400, not a failed query. */
export const MAX_INT4 = 2_147_483_647;

/**
 * Query parameters every admin listing shares: the key, a creation-time range (`from` inclusive, `to` exclusive,
 * ISO 8601), the opaque `cursor` of the previous page, `limit` (1-200, default 50).
 */
export class PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Only rows of this API key' })
  @IsOptional()
  @IsUUID()
  apiKeyId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Created at or after (ISO 8601)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Created before (ISO 8601)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ type: String, description: '`nextCursor` of the previous page, unchanged' })
  @IsOptional()
  @Matches(/^[\w-]+$/, { message: 'cursor must be the nextCursor of a previous page' })
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  limit?: number;
}

/** An ISO 8601 query value as a Date (the DTO already checked the syntax). */
export function optionalDate(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}
