import {
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
} from '@nestjs/swagger';
import { type DeliveryPage, type Redelivery, WebhookDeliveriesReader, WebhookScheduler } from '@zhengjian/webhooks';
import { AdminEndpoint } from '../admin-endpoint.decorator';
import { DEFAULT_PAGE, optionalDate } from '../page-query.dto';
import { ListDeliveriesQueryDto } from './dto/list-deliveries.query.dto';

/**
 * `/admin/webhooks/deliveries`: every delivery attempt (newest first, keyset pages, with the chain's next attempt
 * time) and redelivery. A redelivery starts a new chain (new `X-Zhengjian-Delivery` id, attempts from 1) for the
 * same order, URL and payload; it is asked by an attempt's id or by the delivery id a receiver saw.
 */
@Controller('admin/webhooks/deliveries')
@AdminEndpoint('admin: webhooks')
export class WebhookDeliveriesController {
  constructor(
    @Inject(WebhookDeliveriesReader) private readonly deliveries: WebhookDeliveriesReader,
    @Inject(WebhookScheduler) private readonly scheduler: WebhookScheduler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Webhook delivery attempts (newest first)' })
  @ApiOkResponse({
    description:
      '`{ items: [{ id, deliveryId, orderid, url, attempt, status, statusCode, durationMs, error, createdAt, ' +
      'nextAttemptAt }], nextCursor }`; `nextAttemptAt` is when the chain tries again (null when final)',
  })
  @ApiBadRequestResponse({ description: 'A filter, the cursor or the limit is invalid' })
  async list(@Query() query: ListDeliveriesQueryDto): Promise<DeliveryPage> {
    return this.deliveries.list({
      apiKeyId: query.apiKeyId,
      orderid: query.orderid,
      status: query.status,
      from: optionalDate(query.from),
      to: optionalDate(query.to),
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE,
    });
  }

  @Post(':id/redeliver')
  @ApiOperation({ summary: 'Deliver the webhook of an attempt again' })
  @HttpCode(202)
  @ApiParam({
    name: 'id',
    description: 'An attempt id (`items[].id`) or a delivery id (`deliveryId`, the `X-Zhengjian-Delivery` header)',
  })
  @ApiAcceptedResponse({ description: '`{ deliveryId, orderid, url }` of the new chain' })
  @ApiNotFoundResponse({ description: 'No delivery attempt or delivery with this id' })
  async redeliver(@Param('id', ParseUUIDPipe) id: string): Promise<Redelivery> {
    const chain = await this.scheduler.redeliver(id);
    if (!chain)
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `no delivery attempt or delivery ${id}`,
      });
    return chain;
  }
}
