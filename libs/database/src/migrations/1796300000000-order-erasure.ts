import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure of an order's personal data (retention job, the key's `DELETE /v1/recognitions/:orderid`, the admin's
 * `DELETE /admin/orders/:orderid`): when and by whom, on the order row that stays (billing and error history keep
 * pointing at it). The partial index serves the retention job, which pages through finished, not yet erased orders
 * oldest first.
 */
export class OrderErasure1796300000000 implements MigrationInterface {
  name = 'OrderErasure1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders ADD COLUMN erased_at timestamptz NULL`);
    await q.query(
      `ALTER TABLE orders ADD COLUMN erased_by text NULL
         CONSTRAINT orders_erased_by_check CHECK (erased_by IN ('retention', 'key', 'admin'))`,
    );
    await q.query(
      `CREATE INDEX orders_unerased_finished_at_idx ON orders (finished_at)
         WHERE erased_at IS NULL AND finished_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX orders_unerased_finished_at_idx`);
    await q.query(`ALTER TABLE orders DROP COLUMN erased_by`);
    await q.query(`ALTER TABLE orders DROP COLUMN erased_at`);
  }
}
