import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { IdempotencyKeyEntity, type StoredResponse } from '@zhengjian/orders';
import { DataSource } from 'typeorm';

/** Retries of the same key within this window replay the first answer; older rows count as absent. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** An `in_progress` row older than this belongs to a request that died (process killed): a retry takes it over. */
export const IDEMPOTENCY_LOCK_SECONDS = 120;
/** Expired rows are deleted this often (by every api process; the DELETE is idempotent). */
const CLEANUP_INTERVAL_MS = 3_600_000;

/** What `claim` found; `token` (the claim's `created_at`) proves the claim when the answer is stored. */
export type Claim =
  | { kind: 'claimed'; token: string }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

/**
 * `Idempotency-Key` in Postgres (`idempotency_keys`, unique per API key and header value), not Redis alone, so a
 * replay survives a Redis loss and agrees with the orders it points at. The first request inserts the row as a lock
 * (`response` null), then stores its answer; a retry finds the row: same request → the stored answer; different
 * request → mismatch; lock still held → in progress. The insert is one statement, so two concurrent firsts cannot
 * both win. The answer is stored by `OrdersPort.create` in the order's own transaction (with the claim's token), so
 * a crash after the order's commit cannot leave a lock that a retry takes over to create a second order.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyService.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.deleteExpired(), CLEANUP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Takes the key for this request, or says why not. An expired or abandoned row is taken over. */
  async claim(apiKeyId: string, key: string, requestHash: string): Promise<Claim> {
    for (let round = 0; round < 3; round++) {
      const taken: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys (api_key_id, key, request_hash, response, created_at)
         VALUES ($1, $2, $3, NULL, now())
         ON CONFLICT (api_key_id, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, response = NULL, created_at = now()
           WHERE idempotency_keys.created_at < now() - make_interval(secs => $4)
              OR (idempotency_keys.response IS NULL AND idempotency_keys.created_at < now() - make_interval(secs => $5))
         RETURNING created_at::text AS token`,
        [apiKeyId, key, requestHash, IDEMPOTENCY_TTL_SECONDS, IDEMPOTENCY_LOCK_SECONDS],
      );
      const [claimed] = taken as { token: string }[];
      if (claimed) return { kind: 'claimed', token: claimed.token };
      const row = await this.dataSource.manager.findOneBy(IdempotencyKeyEntity, { apiKeyId, key });
      if (!row) continue; // released between the two statements: try again
      if (row.requestHash !== requestHash) return { kind: 'mismatch' };
      return row.response ? { kind: 'replay', response: row.response } : { kind: 'in-progress' };
    }
    return { kind: 'in-progress' };
  }

  /** Gives the key back after a refused request (nothing was created), so a corrected retry may use it. */
  async release(apiKeyId: string, key: string): Promise<void> {
    try {
      await this.dataSource.query(
        'DELETE FROM idempotency_keys WHERE api_key_id = $1 AND key = $2 AND response IS NULL',
        [apiKeyId, key],
      );
    } catch (err) {
      // The lock then expires after IDEMPOTENCY_LOCK_SECONDS; the client's own error still goes out.
      this.logger.warn(`key id ${apiKeyId}: could not release an idempotency key: ${(err as Error).message}`);
    }
  }

  /** Deletes rows past the replay window. @returns how many. */
  async deleteExpired(): Promise<number> {
    try {
      const [, count] = (await this.dataSource.query(
        'DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1)',
        [IDEMPOTENCY_TTL_SECONDS],
      )) as [unknown, number];
      if (count > 0) this.logger.log(`deleted ${count} expired idempotency keys`);
      return count;
    } catch (err) {
      this.logger.warn(`idempotency cleanup failed: ${(err as Error).message}`);
      return 0;
    }
  }
}
