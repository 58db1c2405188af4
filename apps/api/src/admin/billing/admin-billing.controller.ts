import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { type BillingSummary, BillingSummaryQuery } from '@zhengjian/orders';
import { AdminEndpoint } from '../admin-endpoint.decorator';
import { BILLING_SUMMARY_SCHEMA } from '../admin-response.schemas';
import { optionalDate } from '../page-query.dto';
import { BillingSummaryQueryDto } from './dto/billing-summary.query.dto';

/** Zone of the day groups when neither `timeZone` nor `QUOTA_TIME_ZONE` says otherwise. */
const FALLBACK_TIME_ZONE = 'Asia/Shanghai';

/**
 * `GET /admin/billing/summary`: billed orders and units grouped by day, key or cardType, with totals, counted by
 * Postgres. Days are calendar days in `timeZone` (default `QUOTA_TIME_ZONE`, the zone the daily quotas reset in).
 */
@Controller('admin/billing')
@AdminEndpoint('admin: billing')
export class AdminBillingController {
  constructor(
    @Inject(BillingSummaryQuery) private readonly billing: BillingSummaryQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Billed units grouped by day, key or cardType' })
  @ApiOkResponse({ schema: BILLING_SUMMARY_SCHEMA })
  @ApiBadRequestResponse({ description: 'groupBy, the time range, the key or the time zone is invalid' })
  summary(@Query() query: BillingSummaryQueryDto): Promise<BillingSummary> {
    return this.billing.summarize({
      groupBy: query.groupBy ?? 'day',
      from: optionalDate(query.from),
      to: optionalDate(query.to),
      apiKeyId: query.apiKeyId,
      timeZone: query.timeZone ?? this.config.quotaTimeZone ?? FALLBACK_TIME_ZONE,
    });
  }
}
