import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { DataSource } from 'typeorm';
import { type CursorPage, SqlFilter, cursorTimestampSql, decodeCursor, toPage } from '@zhengjian/orders';
import type { WebhookAttemptStatus } from './entities/webhook-delivery.entity';

/** Filters of the admin list; every one optional. */
export interface DeliveryFilter {
  /** Attempts of the orders of this API key. */
  apiKeyId?: string;
  orderid?: string;
  status?: WebhookAttemptStatus;
  /** Attempts created at or after / before these instants. */
  from?: Date;
  to?: Date;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** Page size, 1-200. */
  limit: number;
}

/** One attempt as the admin API shows it. */
export interface DeliveryAttemptView {
  id: string;
  deliveryId: string;
  orderid: string;
  url: string;
  attempt: number;
  status: WebhookAttemptStatus;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  /**
   * When the chain's next attempt is due (ISO 8601): for the latest attempt of a chain that is `pending` (queued or
   * running now: its own start) or `retrying` (its end plus the backoff, `WEBHOOK_RETRY_BASE_MS · 2^(attempt-1)`);
   * null when final (`delivered`, `failed`) or when a later attempt of the chain exists.
   */
  nextAttemptAt: string | null;
}

/** One page of attempts; `nextCursor` (null on the last page) goes back as `cursor`. */
export type DeliveryPage = CursorPage<DeliveryAttemptView>;

interface Row {
  id: string;
  delivery_id: string;
  orderid: string;
  url: string;
  attempt: number;
  status: WebhookAttemptStatus;
  status_code: number | null;
  duration_ms: number | null;
  error: string | null;
  created_at: Date;
  next_attempt_at: Date | null;
  /** created_at in UTC with microseconds (the shared keyset cursor's position). */
  cursor_at: string;
}

/**
 * The admin list of delivery attempts, newest first, with keyset pagination on `(created_at, id)`: pages stay
 * stable while new attempts arrive. Filters and cursors are the orders admin read side's (`SqlFilter`, keyset cursor).
 */
@Injectable()
export class WebhookDeliveriesReader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** @throws InvalidCursorError (the admin API answers 400) for a cursor this service did not issue. */
  async list(filter: DeliveryFilter): Promise<DeliveryPage> {
    const sql = new SqlFilter()
      .when(filter.apiKeyId, 'o.api_key_id = ?')
      .when(filter.orderid, 'o.orderid = ?')
      .when(filter.status, 'd.status = ?')
      .when(filter.from, 'd.created_at >= ?')
      .when(filter.to, 'd.created_at < ?');
    if (filter.cursor !== undefined) {
      const after = decodeCursor(filter.cursor);
      sql.always('(d.created_at, d.id) < (?1::timestamptz, ?2::uuid)', after.at, after.id);
    }
    const limit = sql.param(filter.limit + 1);
    const retryBaseMs = sql.param(this.config.webhookRetryBaseMs);
    const rows: Row[] = await this.dataSource.query(
      `SELECT d.id, d.delivery_id, o.orderid, d.url, d.attempt, d.status, d.status_code, d.duration_ms, d.error,
              d.created_at, ${cursorTimestampSql('d.created_at')} AS cursor_at,
              CASE
                WHEN EXISTS (SELECT 1 FROM webhook_deliveries n
                              WHERE n.delivery_id = d.delivery_id AND n.attempt > d.attempt) THEN NULL
                WHEN d.status = 'pending' THEN d.created_at
                -- BullMQ's exponential backoff: attempt n failed, attempt n+1 waits base · 2^(n-1) from the failure.
                WHEN d.status = 'retrying' THEN d.created_at + (coalesce(d.duration_ms, 0)
                  + CAST(${retryBaseMs} AS double precision) * power(2, d.attempt - 1)) * interval '1 millisecond'
              END AS next_attempt_at
         FROM webhook_deliveries d JOIN orders o ON o.id = d.order_id
        ${sql.where}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT ${limit}`,
      sql.params,
    );
    return toPage(rows, filter.limit, toView);
  }
}

function toView(row: Row): DeliveryAttemptView {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    orderid: row.orderid,
    url: row.url,
    attempt: row.attempt,
    status: row.status,
    statusCode: row.status_code,
    durationMs: row.duration_ms,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at).toISOString(),
  };
}
