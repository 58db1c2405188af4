import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ErasedBy } from './orders.contract';

/** What erasing one order did. */
export type ErasureOutcome = 'erased' | 'already-erased' | 'not-finished' | 'not-found';

/** One run of the retention job. */
export interface RetentionRun {
  /** Orders erased in this run. */
  orders: number;
  /** Of those, how many still had their image (kept by `RETAIN_IMAGES`, or never deleted). */
  images: number;
  /** Batches it took; the last one was smaller than the batch size. */
  batches: number;
}

/**
 * Erases the personal data of finished orders (PIPL: a KYC platform must delete what it no longer needs), in one
 * transaction per order or batch: the encrypted image row is deleted; on the order `result_enc`, `userid` (the
 * caller's reference to a person), `image_sha256` (a fingerprint of the image) and `client_ip` are nulled and
 * `erased_at`/`erased_by` set; `error_events.ip` of the order is nulled. What stays has no personal data and
 * keeps the books: the order row (orderid, key, cardType, status, error_code, reason, times), its billing row and
 * its error rows, its webhook delivery attempts (URL, status codes).
 *
 * Only finished orders are erased: a queued or processing order would be finished by a worker after erasure,
 * storing a result again.
 */
@Injectable()
export class OrderErasureService {
  private readonly logger = new Logger(OrderErasureService.name);

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Erases one order now. Idempotent: a second call answers `already-erased` and changes nothing.
   *
   * @param id the order's internal id (uuid).
   * @param who for the log: `key id <uuid>` or `admin` (never a key or token).
   */
  async erase(id: string, by: Exclude<ErasedBy, 'retention'>, who: string): Promise<ErasureOutcome> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const [order] = (await m.query(`SELECT orderid, status, erased_at FROM orders WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as { orderid: string; status: string; erased_at: Date | null }[];
      const done = (outcome: ErasureOutcome, images = 0) => ({ outcome, images, orderid: order?.orderid ?? id });
      if (!order) return done('not-found');
      if (order.erased_at !== null) return done('already-erased');
      if (order.status !== 'succeeded' && order.status !== 'failed') return done('not-finished');
      return done('erased', await this.eraseRows(m, [id], by));
    });
    if (outcome.outcome === 'erased') {
      const image = outcome.images > 0 ? 'image deleted' : 'image already gone';
      this.logger.log(`order ${outcome.orderid} erased by ${who} (${by}): result and userid nulled, ${image}`);
    }
    return outcome.outcome;
  }

  /**
   * Erases every order finished more than `retentionDays` days ago (database clock) and not erased yet, oldest
   * first, `batchSize` orders per transaction (rows locked with SKIP LOCKED, so two workers running it at once
   * share the work instead of waiting). Logs the counts. Idempotent: a second run finds nothing.
   */
  async eraseExpired(retentionDays: number, batchSize: number): Promise<RetentionRun> {
    const run: RetentionRun = { orders: 0, images: 0, batches: 0 };
    for (;;) {
      const batch = await this.dataSource.transaction(async (m) => {
        const rows = (await m.query(
          `SELECT id FROM orders
            WHERE erased_at IS NULL AND finished_at IS NOT NULL
              AND finished_at < now() - CAST($1 AS integer) * interval '1 day'
            ORDER BY finished_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED`,
          [retentionDays, batchSize],
        )) as { id: string }[];
        const ids = rows.map((r) => r.id);
        const images = ids.length > 0 ? await this.eraseRows(m, ids, 'retention') : 0;
        return { orders: ids.length, images };
      });
      if (batch.orders === 0) break;
      run.orders += batch.orders;
      run.images += batch.images;
      run.batches++;
      if (batch.orders < batchSize) break;
    }
    this.logger.log(
      `retention (${retentionDays} days): erased ${run.orders} orders, ${run.images} images, in ${run.batches} batches`,
    );
    return run;
  }

  /** The erasure writes for locked, finished orders; returns how many image rows were deleted. */
  private async eraseRows(m: EntityManager, ids: string[], by: ErasedBy): Promise<number> {
    await m.query(
      `UPDATE orders SET result_enc = NULL, userid = NULL, image_sha256 = NULL, client_ip = NULL,
              erased_at = now(), erased_by = $2
        WHERE id = ANY($1::uuid[])`,
      [ids, by],
    );
    await m.query(`UPDATE error_events SET ip = NULL WHERE order_id = ANY($1::uuid[])`, [ids]);
    const deleted = (await m.query(`DELETE FROM order_images WHERE order_id = ANY($1::uuid[]) RETURNING order_id`, [
      ids,
    ])) as [unknown[], number] | unknown[];
    return deletedCount(deleted);
  }
}

/** TypeORM's postgres driver answers a DELETE … RETURNING as `[rows, count]`. */
function deletedCount(result: [unknown[], number] | unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}
