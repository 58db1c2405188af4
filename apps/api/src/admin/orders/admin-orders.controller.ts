import {
  ConflictException,
  Controller,
  Delete,
  Get,
  Inject,
  Logger,
  NotFoundException,
  Param,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
} from '@nestjs/swagger';
import {
  type AdminOrderSummary,
  type AdminOrderTimeline,
  AdminOrdersQuery,
  type CursorPage,
  ORDERS,
  OrderErasureService,
  type OrdersPort,
} from '@zhengjian/orders';
import { AdminEndpoint } from '../admin-endpoint.decorator';
import { ORDER_PAGE_SCHEMA, ORDER_TIMELINE_SCHEMA } from '../admin-response.schemas';
import { DEFAULT_PAGE, optionalDate } from '../page-query.dto';
import { ListOrdersQueryDto } from './dto/list-orders.query.dto';

const ORDER_ID = /^JH\d{22}$/;

/**
 * `/admin/orders`: filtered keyset listing, one order's timeline, and the erasure of an order's personal data;
 * never an image or a decrypted result.
 */
@Controller('admin/orders')
@AdminEndpoint('admin: orders')
export class AdminOrdersController {
  private readonly logger = new Logger(AdminOrdersController.name);

  constructor(
    @Inject(AdminOrdersQuery) private readonly orders: AdminOrdersQuery,
    @Inject(ORDERS) private readonly ordersPort: OrdersPort,
    @Inject(OrderErasureService) private readonly erasure: OrderErasureService,
  ) {}

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
    const timeline = ORDER_ID.test(orderid) ? await this.orders.timeline(orderid) : null;
    if (!timeline) throw notFound(orderid);
    return timeline;
  }

  @Delete(':orderid')
  @ApiOperation({
    summary: "Erase an order's image, result and userid now",
    description:
      'PIPL erasure on request: deletes the image, nulls the result, userid, image hash and client IP; the order, ' +
      'billing and error rows stay. Idempotent; recorded as `erasedAt`/`erasedBy: admin` and an `erased` timeline event.',
  })
  @ApiParam({ name: 'orderid', description: 'Juhe order number, JH + 22 digits' })
  @ApiOkResponse({ schema: ORDER_TIMELINE_SCHEMA, description: 'The order after erasure, with its timeline' })
  @ApiNotFoundResponse({ description: 'No such order' })
  @ApiConflictResponse({ description: 'The order is still queued or processing: erase it once finished' })
  async erase(@Param('orderid') orderid: string): Promise<AdminOrderTimeline> {
    const order = ORDER_ID.test(orderid) ? await this.ordersPort.findByOrderId(orderid) : null;
    if (!order) throw notFound(orderid);
    const outcome = await this.erasure.erase(order.id, 'admin', 'admin');
    if (outcome === 'not-found') throw notFound(orderid);
    if (outcome === 'not-finished') {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `order ${orderid} is ${order.status}: erase it once it is finished`,
      });
    }
    this.logger.log(`order ${orderid}: erasure by admin: ${outcome}`);
    const timeline = await this.orders.timeline(orderid);
    if (!timeline) throw notFound(orderid);
    return timeline;
  }
}

function notFound(orderid: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no order ${orderid}` });
}
