import { Inject, Injectable } from '@nestjs/common';
import { isOrderId } from '@zhengjian/juhe';
import { ACCESS } from '@zhengjian/access';
import { type AccessPort, ORDERS, type OrderStatus, type OrdersPort } from '@zhengjian/orders';
import { orderEnvelope } from '../certificates/order-envelope';
import { AsyncApiError, AsyncApiErrorCode } from './async-api.error';

/** `GET /v1/recognitions/:orderid`. */
export interface RecognitionView {
  orderid: string;
  userid: string | null;
  cardType: number;
  status: OrderStatus;
  /** null until finished. */
  error_code: number | null;
  reason: string | null;
  /** The Juhe result (Chinese keys; `_detail` when the request asked for it) once succeeded, else null. */
  result: Record<string, unknown> | null;
}

/**
 * Reads an order for the key that created it, from Postgres (never BullMQ). The key is identified without spending
 * quota (polling is free). Unknown ids and other keys' orders get the same 404 answer, so ids cannot be probed.
 */
@Injectable()
export class RecognitionViewService {
  constructor(
    @Inject(ACCESS) private readonly access: AccessPort,
    @Inject(ORDERS) private readonly orders: OrdersPort,
  ) {}

  /** @throws JuheError 100xx for a refused key; AsyncApiError 215401 (404) for an order this key cannot see. */
  async find(orderid: string, key: string | undefined, ip: string): Promise<RecognitionView> {
    const caller = await this.access.identify({ key, ip });
    // Filtered by key in the query: another key's order and no order take the same path and the same work.
    const order = isOrderId(orderid) ? await this.orders.findByOrderId(orderid, caller.id) : null;
    if (!order) throw new AsyncApiError(AsyncApiErrorCode.OrderNotFound);
    const view = { orderid: order.orderid, userid: order.userid, cardType: order.cardType, status: order.status };
    if (order.status !== 'succeeded' && order.status !== 'failed') {
      return { ...view, error_code: null, reason: null, result: null };
    }
    const stored = order.status === 'succeeded' ? await this.orders.loadResult(order.id) : null;
    const envelope = orderEnvelope(order, stored, { detail: order.detail, echo: false });
    return { ...view, error_code: envelope.error_code, reason: envelope.reason, result: envelope.result };
  }
}
