import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AdminOrderSummary, AdminOrderTimeline, OrderListFilter } from './admin-orders.types';
import { type CursorPage, cursorTimestampSql, decodeCursor, toPage } from './keyset-cursor';
import { buildTimeline } from './order-timeline';
import { SqlFilter } from './sql-filter';

/** The order columns an admin may see (never `result_enc`, `image_sha256`, `client_ip`). */
const COLUMNS = `o.id, o.orderid, o.api_key_id, o.userid, o.card_type, o.mode, o.provider, o.status, o.error_code,
  o.reason, o.attempts, o.callback_url, o.created_at, o.started_at, o.finished_at, o.duration_ms, o.erased_at,
  o.erased_by`;

export interface OrderRow {
  id: string;
  orderid: string;
  api_key_id: string;
  userid: string | null;
  card_type: number;
  mode: AdminOrderSummary['mode'];
  provider: AdminOrderSummary['provider'];
  status: AdminOrderSummary['status'];
  error_code: number | null;
  reason: string | null;
  attempts: number;
  callback_url: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  erased_at: Date | null;
  erased_by: AdminOrderSummary['erasedBy'];
  cursor_at: string;
}

/**
 * Read-side queries of the admin API over `orders` (plain SQL, bound parameters): filtered keyset listing, newest
 * first, and one order with its timeline. Nothing here decrypts anything.
 */
@Injectable()
export class AdminOrdersQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(filter: OrderListFilter): Promise<CursorPage<AdminOrderSummary>> {
    const sql = new SqlFilter()
      .when(filter.apiKeyId, 'o.api_key_id = ?')
      .when(filter.userid, 'o.userid = ?')
      .when(filter.cardType, 'o.card_type = ?')
      .when(filter.status, 'o.status = ?')
      .when(filter.errorCode, 'o.error_code = ?')
      .when(filter.from, 'o.created_at >= ?')
      .when(filter.to, 'o.created_at < ?');
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      sql.always('(o.created_at, o.id) < (?1::timestamptz, ?2::uuid)', after.at, after.id);
    }
    const limit = sql.param(filter.limit + 1);
    const rows: OrderRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, ${cursorTimestampSql('o.created_at')} AS cursor_at
         FROM orders o ${sql.where}
        ORDER BY o.created_at DESC, o.id DESC
        LIMIT ${limit}`,
      sql.params,
    );
    return toPage(rows, filter.limit, toSummary);
  }

  /** The order with this Juhe number and its timeline; null when there is none. */
  async timeline(orderid: string): Promise<AdminOrderTimeline | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS}, '' AS cursor_at FROM orders o WHERE o.orderid = $1`,
      [orderid],
    )) as OrderRow[];
    if (!row) return null;
    const [billing, errors, deliveries] = await Promise.all([
      this.dataSource.query(`SELECT id, error_code, units, created_at FROM billing_records WHERE order_id = $1`, [
        row.id,
      ]) as Promise<{ id: string; error_code: number; units: number; created_at: Date }[]>,
      this.dataSource.query(
        `SELECT id, error_code, reason, detail, created_at FROM error_events WHERE order_id = $1
          ORDER BY created_at, id`,
        [row.id],
      ) as Promise<{ id: string; error_code: number; reason: string; detail: string | null; created_at: Date }[]>,
      this.webhookDeliveries(row.id),
    ]);
    return buildTimeline(toSummary(row), billing[0] ?? null, errors, deliveries);
  }

  /** `webhook_deliveries` rows of an order, or none while that table does not exist (before its migration). */
  private async webhookDeliveries(orderId: string): Promise<Record<string, unknown>[]> {
    const [{ exists }] = (await this.dataSource.query(
      `SELECT to_regclass('webhook_deliveries') IS NOT NULL AS exists`,
    )) as { exists: boolean }[];
    if (!exists) return [];
    return this.dataSource.query(`SELECT * FROM webhook_deliveries WHERE order_id = $1 ORDER BY created_at`, [orderId]);
  }
}

export function toSummary(row: OrderRow): AdminOrderSummary {
  return {
    id: row.id,
    orderid: row.orderid,
    apiKeyId: row.api_key_id,
    userid: row.userid,
    cardType: row.card_type,
    mode: row.mode,
    provider: row.provider,
    status: row.status,
    errorCode: row.error_code,
    reason: row.reason,
    attempts: row.attempts,
    callbackUrl: row.callback_url,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    erasedAt: row.erased_at,
    erasedBy: row.erased_by,
  };
}
