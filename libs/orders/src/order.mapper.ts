import type { OrderEntity } from './entities/order.entity';
import type { OrderView } from './orders.contract';

/** The row as the apps see it: everything but the ciphertext, the image hash and the client IP. */
export function toOrderView(row: OrderEntity): OrderView {
  return {
    id: row.id,
    orderid: row.orderid,
    apiKeyId: row.apiKeyId,
    userid: row.userid,
    cardType: row.cardType,
    mode: row.mode,
    provider: row.provider,
    status: row.status,
    errorCode: row.errorCode,
    reason: row.reason,
    returnOrderId: row.returnOrderId,
    callbackUrl: row.callbackUrl,
    detail: row.detail,
    crop: row.crop,
    attempts: row.attempts,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationMs: row.durationMs,
    erasedAt: row.erasedAt,
    erasedBy: row.erasedBy,
  };
}
