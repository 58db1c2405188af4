import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { type AdminErrorEvent, type CursorPage, ErrorEventsQuery } from '@zhengjian/orders';
import { AdminEndpoint } from '../admin-endpoint.decorator';
import { ERROR_PAGE_SCHEMA } from '../admin-response.schemas';
import { DEFAULT_PAGE, optionalDate } from '../page-query.dto';
import { ListErrorsQueryDto } from './dto/list-errors.query.dto';

/** `GET /admin/errors`: every non-zero outcome, refusals before an order included, newest first. */
@Controller('admin/errors')
@AdminEndpoint('admin: errors')
export class AdminErrorsController {
  constructor(@Inject(ErrorEventsQuery) private readonly errors: ErrorEventsQuery) {}

  @Get()
  @ApiOperation({ summary: 'Error history: every non-zero outcome (newest first)' })
  @ApiOkResponse({ schema: ERROR_PAGE_SCHEMA, description: 'Newest first' })
  @ApiBadRequestResponse({ description: 'A filter, the cursor or the limit is invalid' })
  list(@Query() query: ListErrorsQueryDto): Promise<CursorPage<AdminErrorEvent>> {
    return this.errors.list({
      apiKeyId: query.apiKeyId,
      errorCode: query.error_code,
      from: optionalDate(query.from),
      to: optionalDate(query.to),
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE,
    });
  }
}
