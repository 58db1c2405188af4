import type { AdminOrderSummary, AdminOrderTimeline, TimelineEvent } from './admin-orders.types';

type BillingRow = { id: string; error_code: number; units: number; created_at: Date };
type ErrorRow = { id: string; error_code: number; reason: string; detail: string | null; created_at: Date };

/** Columns of `webhook_deliveries` never shown: secrets, signatures, bodies, ciphertext. */
const HIDDEN_COLUMN = /secret|signature|body|payload|_enc$/i;

/**
 * An order's timeline from its rows: created → started (latest attempt) → finished, the error rows, the billing
 * row, the webhook deliveries, the erasure of its personal data; oldest first (ties keep that order).
 */
export function buildTimeline(
  order: AdminOrderSummary,
  billingRow: BillingRow | null,
  errorRows: ErrorRow[],
  deliveryRows: Record<string, unknown>[],
): AdminOrderTimeline {
  const billing = billingRow
    ? { id: billingRow.id, errorCode: billingRow.error_code, units: billingRow.units, createdAt: billingRow.created_at }
    : null;
  const errors = errorRows.map((e) => ({
    id: e.id,
    errorCode: e.error_code,
    reason: e.reason,
    detail: e.detail,
    createdAt: e.created_at,
  }));
  const webhookDeliveries = deliveryRows.map(visibleDelivery);
  const events: TimelineEvent[] = [{ at: order.createdAt, event: 'created', detail: { mode: order.mode } }];
  if (order.startedAt) events.push({ at: order.startedAt, event: 'started', detail: { attempt: order.attempts } });
  if (order.finishedAt) {
    const detail = { status: order.status, errorCode: order.errorCode, provider: order.provider };
    events.push({ at: order.finishedAt, event: 'finished', detail: { ...detail, durationMs: order.durationMs } });
  }
  for (const e of errors) events.push({ at: e.createdAt, event: 'error', detail: { errorCode: e.errorCode } });
  if (billing) events.push({ at: billing.createdAt, event: 'billed', detail: { units: billing.units } });
  for (const d of webhookDeliveries) {
    const at = d.createdAt instanceof Date ? d.createdAt : new Date(String(d.createdAt));
    const { createdAt: _createdAt, ...detail } = d;
    events.push({ at, event: 'webhook_delivery', detail });
  }
  if (order.erasedAt) events.push({ at: order.erasedAt, event: 'erased', detail: { by: order.erasedBy } });
  const timeline = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map(({ event }) => event);
  return { order, billing, errors, webhookDeliveries, timeline };
}

/** A delivery row with camelCase keys and without hidden columns. */
function visibleDelivery(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (HIDDEN_COLUMN.test(column)) continue;
    out[column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return out;
}
