import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AdminErrorEvent, ErrorListFilter } from './admin-orders.types';
import { type CursorPage, cursorTimestampSql, decodeCursor, toPage } from './keyset-cursor';
import { SqlFilter } from './sql-filter';

interface ErrorRow {
  id: string;
  order_id: string | null;
  orderid: string | null;
  api_key_id: string | null;
  error_code: number;
  reason: string;
  detail: string | null;
  ip: string | null;
  count: number;
  created_at: Date;
  cursor_at: string;
}

/** The error history (`error_events`, newest first, keyset pages) for `GET /admin/errors`. */
@Injectable()
export class ErrorEventsQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(filter: ErrorListFilter): Promise<CursorPage<AdminErrorEvent>> {
    const sql = new SqlFilter()
      .when(filter.apiKeyId, 'e.api_key_id = ?')
      .when(filter.errorCode, 'e.error_code = ?')
      .when(filter.from, 'e.created_at >= ?')
      .when(filter.to, 'e.created_at < ?');
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      sql.always('(e.created_at, e.id) < (?1::timestamptz, ?2::uuid)', after.at, after.id);
    }
    const limit = sql.param(filter.limit + 1);
    const rows: ErrorRow[] = await this.dataSource.query(
      `SELECT e.id, e.order_id, o.orderid, e.api_key_id, e.error_code, e.reason, e.detail, e.ip, e.count, e.created_at,
              ${cursorTimestampSql('e.created_at')} AS cursor_at
         FROM error_events e LEFT JOIN orders o ON o.id = e.order_id
         ${sql.where}
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT ${limit}`,
      sql.params,
    );
    return toPage(rows, filter.limit, (row) => ({
      id: row.id,
      orderId: row.order_id,
      orderid: row.orderid,
      apiKeyId: row.api_key_id,
      errorCode: row.error_code,
      reason: row.reason,
      detail: row.detail,
      ip: row.ip,
      count: row.count,
      createdAt: row.created_at,
    }));
  }
}
