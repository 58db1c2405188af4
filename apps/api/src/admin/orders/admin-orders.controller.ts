import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { type AdminOrderSummary, type AdminOrderTimeline, AdminOrdersQuery, type CursorPage } from '@zhengjian/orders';
import { AdminEndpoint } from '../admin-endpoint.decorator';
import { ORDER_PAGE_SCHEMA, ORDER_TIMELINE_SCHEMA } from '../admin-response.schemas';
import { DEFAULT_PAGE, optionalDate } from '../page-query.dto';
import { ListOrdersQueryDto } from './dto/list-orders.query.dto';

/** `/admin/orders`: filtered keyset listing and one order's timeline; never an image or a decrypted result. */
@Controller('admin/orders')
@AdminEndpoint('admin: orders')
export class AdminOrdersController {
  constructor(@Inject(AdminOrdersQuery) private readonly orders: AdminOrdersQuery) {}

  @Get()
  @ApiOperation({ summary: 'List orders (filter by key, userid, cardType, status, error_code, time; newest first)' })
  @ApiOkResponse({ schema: ORDER_PAGE_SCHEMA, description: 'Newest first' })
  @ApiBadRequestResponse({ description: 'A filter, the cursor or the limit is invalid' })
  list(@Query() query: ListOrdersQueryDto): Promise<CursorPage<AdminOrderSummary>> {
    return this.orders.list({
      apiKeyId: query.apiKeyId,
      userid: query.userid,
      cardType: query.cardType,
      status: query.status,
      errorCode: query.error_code,
      from: optionalDate(query.from),
      to: optionalDate(query.to),
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE,
    });
  }

  @Get(':orderid')
  @ApiOperation({ summary: "An order's timeline (never its image or result)" })
  @ApiParam({ name: 'orderid', description: 'Juhe order number, JH + 22 digits' })
  @ApiOkResponse({ schema: ORDER_TIMELINE_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such order' })
  async show(@Param('orderid') orderid: string): Promise<AdminOrderTimeline> {
    const timeline = /^JH\d{22}$/.test(orderid) ? await this.orders.timeline(orderid) : null;
    if (!timeline) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no order ${orderid}` });
    return timeline;
  }
}
