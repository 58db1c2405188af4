import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { OrdersService, type OrderView } from '@zhengjian/orders';
import { reasonFor, type JuheErrorCode } from '@zhengjian/juhe';
import type { RunningService } from '../service/service.harness';

/** Supertest against the api with the admin bearer token (or another `Authorization` value). */
export function adminHttp(service: RunningService, authorization = `Bearer ${service.config.adminToken}`) {
  const http = request(service.api.getHttpServer());
  return {
    get: (path: string) => http.get(path).set('Authorization', authorization),
    post: (path: string, body?: object) => http.post(path).set('Authorization', authorization).send(body),
    patch: (path: string, body: object) => http.patch(path).set('Authorization', authorization).send(body),
  };
}

export interface SeedOrder {
  apiKeyId: string;
  cardType: number;
  userid?: string | null;
  /** Finish with this code (0, 215305, 215308…); leave undefined to keep the order queued. */
  errorCode?: JuheErrorCode;
  /** Take it (`markProcessing`) without finishing. */
  started?: boolean;
}

/**
 * Orders written through the real `OrdersService` (real Postgres, the same transactions the worker uses), without
 * running OCR: the admin endpoints only read rows, and this keeps the tests fast on a small machine.
 */
export async function seedOrder(service: RunningService, seed: SeedOrder): Promise<OrderView> {
  const orders = service.api.get(OrdersService);
  const order = await orders.create({
    apiKeyId: seed.apiKeyId,
    userid: seed.userid ?? null,
    cardType: seed.cardType,
    // Async: finishing bills it, as the worker does (a sync order is billed by the api when it answers).
    mode: 'async',
    image: randomBytes(64),
    mime: 'image/jpeg',
    ip: '10.9.9.9',
  });
  if (seed.started || seed.errorCode !== undefined) await orders.markProcessing(order.id);
  if (seed.errorCode !== undefined) {
    await orders.finish(order.id, {
      errorCode: seed.errorCode,
      reason: reasonFor(seed.errorCode),
      result: seed.errorCode === 0 ? { 姓名: '测试' } : null,
      provider: 'local',
      failureDetail: seed.errorCode === 0 ? null : 'seeded failure',
    });
  }
  return (await orders.findById(order.id))!;
}

/** Follows `nextCursor` from `path` (which has a query string) until the last page; returns every page's items. */
export async function allPages<T>(service: RunningService, path: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await adminHttp(service).get(cursor ? `${path}&cursor=${cursor}` : path);
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...(res.body.items as T[]));
    cursor = res.body.nextCursor as string | null;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
}
