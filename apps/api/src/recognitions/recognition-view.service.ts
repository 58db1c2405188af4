import { Inject, Injectable, Logger } from '@nestjs/common';
import { isOrderId } from '@zhengjian/juhe';
import { ACCESS, type AccessPort } from '@zhengjian/access';
import { ORDERS, OrderErasureService, type OrderStatus, type OrderView, type OrdersPort } from '@zhengjian/orders';
import { orderEnvelope } from '../admission/order-envelope';
import { AsyncApiError, AsyncApiErrorCode } from './async-api.error';

/** `GET /v1/recognitions/:orderid`. */
export interface RecognitionView {
  orderid: string;
  /** null when none was sent, and once erased. */
  userid: string | null;
  cardType: number;
  status: OrderStatus;
  /** null until finished. */
  error_code: number | null;
  reason: string | null;
  /** The Juhe result (Chinese keys; `_detail`, `_crop` when the request asked for them) once succeeded, else null. */
  result: Record<string, unknown> | null;
  /** Present once the order's personal data was erased (retention or a request): `result` is then null. */
  erased?: true;
  /** ISO 8601 time of the erasure, with `erased`. */
  erasedAt?: string;
}

/**
 * Reads (and erases) an order for the key that created it, from Postgres (never BullMQ). The key is identified
 * without spending quota (polling is free). Unknown ids and other keys' orders get the same 404 answer, so ids
 * cannot be probed.
 */
@Injectable()
export class RecognitionViewService {
  private readonly logger = new Logger(RecognitionViewService.name);

  constructor(
    @Inject(ACCESS) private readonly access: AccessPort,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(OrderErasureService) private readonly erasure: OrderErasureService,
  ) {}

  /** @throws JuheError 100xx for a refused key; AsyncApiError 215401 (404) for an order this key cannot see. */
  async find(orderid: string, key: string | undefined, ip: string): Promise<RecognitionView> {
    return this.view(await this.owned(orderid, key, ip));
  }

  /**
   * `DELETE /v1/recognitions/:orderid`: erases the order's image, result and userid now (idempotent), logs and
   * records it (`erased_at`, `erased_by = key`, the admin timeline), and answers the erased view.
   *
   * @throws as {@link find}; AsyncApiError 215407 (409) while the order is queued or processing.
   */
  async erase(orderid: string, key: string | undefined, ip: string): Promise<RecognitionView> {
    const order = await this.owned(orderid, key, ip);
    const outcome = await this.erasure.erase(order.id, 'key', `key id ${order.apiKeyId}`);
    switch (outcome) {
      case 'not-finished':
        throw new AsyncApiError(AsyncApiErrorCode.OrderNotFinished);
      case 'not-found':
        throw new AsyncApiError(AsyncApiErrorCode.OrderNotFound);
      case 'erased':
      case 'already-erased':
        break;
    }
    this.logger.log(`order ${order.orderid}: erasure by key id ${order.apiKeyId}: ${outcome}`);
    const erased = await this.orders.findById(order.id);
    if (!erased) throw new AsyncApiError(AsyncApiErrorCode.OrderNotFound);
    return this.view(erased);
  }

  private async owned(orderid: string, key: string | undefined, ip: string): Promise<OrderView> {
    const caller = await this.access.identify({ key, ip });
    // Filtered by key in the query: another key's order and no order take the same path and the same work.
    const order = isOrderId(orderid) ? await this.orders.findByOrderId(orderid, caller.id) : null;
    if (!order) throw new AsyncApiError(AsyncApiErrorCode.OrderNotFound);
    return order;
  }

  private async view(order: OrderView): Promise<RecognitionView> {
    const view = { orderid: order.orderid, userid: order.userid, cardType: order.cardType, status: order.status };
    if (order.erasedAt) {
      return {
        ...view,
        error_code: order.errorCode,
        reason: order.reason,
        result: null,
        erased: true,
        erasedAt: order.erasedAt.toISOString(),
      };
    }
    if (order.status !== 'succeeded' && order.status !== 'failed') {
      return { ...view, error_code: null, reason: null, result: null };
    }
    const stored = order.status === 'succeeded' ? await this.orders.loadResult(order.id) : null;
    const envelope = orderEnvelope(order, stored, { detail: order.detail, crop: order.crop, echo: false });
    return { ...view, error_code: envelope.error_code, reason: envelope.reason, result: envelope.result };
  }
}
