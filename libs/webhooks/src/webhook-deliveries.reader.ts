import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
}

export interface DeliveryPage {
  items: DeliveryAttemptView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

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
  /** created_at as Postgres prints it: microseconds intact, so the cursor compares exactly. */
  created_at_text: string;
}

/**
 * The admin list of delivery attempts, newest first, with keyset pagination on `(created_at, id)`: pages stay
 * stable while new attempts arrive. The cursor is opaque (Base64url JSON of the last row's position).
 */
@Injectable()
export class WebhookDeliveriesReader {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** @returns null when `cursor` is not one this reader produced. */
  async list(filter: DeliveryFilter): Promise<DeliveryPage | null> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.apiKeyId !== undefined) add((p) => `o.api_key_id = ${p}`, filter.apiKeyId);
    if (filter.orderid !== undefined) add((p) => `o.orderid = ${p}`, filter.orderid);
    if (filter.status !== undefined) add((p) => `d.status = ${p}`, filter.status);
    if (filter.from !== undefined) add((p) => `d.created_at >= ${p}`, filter.from);
    if (filter.to !== undefined) add((p) => `d.created_at < ${p}`, filter.to);
    if (filter.cursor !== undefined) {
      const position = decodeCursor(filter.cursor);
      if (!position) return null;
      params.push(position[0], position[1]);
      where.push(`(d.created_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows: Row[] = await this.dataSource.query(
      `SELECT d.id, d.delivery_id, o.orderid, d.url, d.attempt, d.status, d.status_code, d.duration_ms, d.error,
              d.created_at, d.created_at::text AS created_at_text
         FROM webhook_deliveries d JOIN orders o ON o.id = d.order_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toView),
      nextCursor: rows.length > filter.limit && last ? encodeCursor([last.created_at_text, last.id]) : null,
    };
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
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `timestamptz::text` in Postgres' ISO DateStyle, e.g. `2026-05-01 10:00:00.123456+00`. */
const TIMESTAMPTZ_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

function encodeCursor(position: [string, string]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
    return TIMESTAMPTZ_TEXT.test(at) ? [at, id] : null;
  } catch {
    return null;
  }
}
