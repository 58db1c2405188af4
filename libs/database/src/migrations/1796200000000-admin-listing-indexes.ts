import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the admin read side: `GET /admin/orders` pages newest first over `(created_at, id)` (scanned
 * backwards, so a page is an index range instead of a sort of the whole table), and billing summaries restricted
 * to a time range without a key.
 */
export class AdminListingIndexes1796200000000 implements MigrationInterface {
  name = 'AdminListingIndexes1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX orders_created_at_id_idx ON orders (created_at, id)`);
    await q.query(`CREATE INDEX billing_records_created_at_idx ON billing_records (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX billing_records_created_at_idx`);
    await q.query(`DROP INDEX orders_created_at_id_idx`);
  }
}
