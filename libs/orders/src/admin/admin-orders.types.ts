import type { OrderStatus, OrderView } from '../orders.contract';

/** Filters of `GET /admin/orders`; every one optional. `from` inclusive, `to` exclusive (creation time). */
export interface OrderListFilter {
  apiKeyId?: string;
  userid?: string;
  cardType?: number;
  status?: OrderStatus;
  errorCode?: number;
  from?: Date;
  to?: Date;
  cursor?: string;
  /** 1-200. */
  limit: number;
}

/**
 * An order as the admin sees it: the apps' {@link OrderView} without the request flags that only shape the client's
 * answer. Like OrderView it never carries the image, the result, the image hash or the client IP.
 */
export type AdminOrderSummary = Omit<OrderView, 'returnOrderId' | 'detail' | 'crop'>;

/** One step of an order's life, oldest first. */
export interface TimelineEvent {
  at: Date;
  event: 'created' | 'started' | 'finished' | 'error' | 'billed' | 'webhook_delivery' | 'erased';
  detail: Record<string, unknown>;
}

/** `GET /admin/orders/:orderid`. */
export interface AdminOrderTimeline {
  order: AdminOrderSummary;
  billing: { id: string; errorCode: number; units: number; createdAt: Date } | null;
  errors: { id: string; errorCode: number; reason: string; detail: string | null; createdAt: Date }[];
  /** Rows of `webhook_deliveries` when that table exists (secrets and bodies never included). */
  webhookDeliveries: Record<string, unknown>[];
  timeline: TimelineEvent[];
}

/** Filters of `GET /admin/errors`. */
export interface ErrorListFilter {
  apiKeyId?: string;
  errorCode?: number;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

export interface AdminErrorEvent {
  id: string;
  /** The order's internal id and Juhe number; null for refusals that never became an order. */
  orderId: string | null;
  orderid: string | null;
  apiKeyId: string | null;
  errorCode: number;
  reason: string;
  detail: string | null;
  ip: string | null;
  /** Events the row stands for: 1, or the refusals without a known key of one IP in one minute. */
  count: number;
  createdAt: Date;
}

export type BillingGroupBy = 'day' | 'key' | 'cardType';

export interface BillingSummaryFilter {
  groupBy: BillingGroupBy;
  from?: Date;
  to?: Date;
  apiKeyId?: string;
  /** IANA zone of the `day` groups; default `QUOTA_TIME_ZONE`. */
  timeZone: string;
}

/** Billing rows counted per group; `records` = billed orders, `units` = charged units. */
export interface BillingCounts {
  records: number;
  units: number;
  /** Rows with error_code 0 and 215305 (the two billable outcomes). */
  succeeded: number;
  recognitionFailed: number;
}

export interface BillingGroup extends BillingCounts {
  /** `YYYY-MM-DD` (day), the api key id (key) or the cardType as text (cardType). */
  group: string;
  /** groupBy=key: the key's name and prefix. */
  keyName?: string | null;
  keyPrefix?: string | null;
}

export interface BillingSummary {
  groupBy: BillingGroupBy;
  from: Date | null;
  to: Date | null;
  timeZone: string;
  groups: BillingGroup[];
  totals: BillingCounts;
}
