import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Validate } from 'class-validator';
import type { BillingGroupBy } from '@zhengjian/orders';
import { IsTimeZoneConstraint } from './is-time-zone.constraint';
import { IsInstant } from '../../is-instant.decorator';

const GROUP_BY: BillingGroupBy[] = ['day', 'key', 'cardType'];

/** `GET /admin/billing/summary`: `groupBy` (default day), an optional key and time range, the zone of the days. */
export class BillingSummaryQueryDto {
  @ApiPropertyOptional({ enum: GROUP_BY, default: 'day' })
  @IsOptional()
  @IsIn(GROUP_BY)
  groupBy?: BillingGroupBy;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Billed at or after (ISO 8601)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Billed before (ISO 8601)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Only this API key' })
  @IsOptional()
  @IsUUID()
  apiKeyId?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'IANA zone of the day groups; default QUOTA_TIME_ZONE',
    example: 'Asia/Shanghai',
  })
  @IsOptional()
  @Validate(IsTimeZoneConstraint)
  timeZone?: string;
}
