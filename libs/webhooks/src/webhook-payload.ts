import type { OrderStatus, OrderView } from '@zhengjian/orders';

/** The only event so far. */
export const RECOGNITION_COMPLETED = 'recognition.completed';

/**
 * The body of a delivery. It says *that* an order finished and how, never what was read: no result, no name, no ID
 * number, no image. The receiver fetches the result with `GET /v1/recognitions/:orderid` and its API key.
 */
export interface WebhookPayload {
  event: typeof RECOGNITION_COMPLETED;
  orderid: string;
  userid: string | null;
  cardType: number;
  status: OrderStatus;
  error_code: number | null;
  /** ISO 8601 instant the order finished (constant across attempts and redeliveries). */
  occurredAt: string;
}

/** The payload of a finished order, keys in a fixed order (the signed bytes are the same on every attempt). */
export function webhookPayload(order: OrderView): WebhookPayload {
  return {
    event: RECOGNITION_COMPLETED,
    orderid: order.orderid,
    userid: order.userid,
    cardType: order.cardType,
    status: order.status,
    error_code: order.errorCode,
    occurredAt: (order.finishedAt ?? order.createdAt).toISOString(),
  };
}
