import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refusals of requests without a known key (unknown keys, IPs over their rate) are counted, not written one row
 * each: `error_events.count` and `error_events.minute` (the UTC minute of such a row, null on every other row), one
 * row per (error_code, ip, minute) upserted. And the sweeper's look-up of webhook chains whose last attempt is
 * unsettled (`pending`/`retrying`) reads a partial index.
 */
export class RefusalCountsAndUnsettledDeliveries1796310000000 implements MigrationInterface {
  name = 'RefusalCountsAndUnsettledDeliveries1796310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE error_events
        ADD COLUMN count integer NOT NULL DEFAULT 1,
        ADD COLUMN minute timestamptz NULL,
        ADD CONSTRAINT error_events_count_check CHECK (count >= 1)`);
    await q.query(
      `CREATE UNIQUE INDEX error_events_refusal_minute_key ON error_events (error_code, ip, minute)
         WHERE minute IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_unsettled_created_at_idx ON webhook_deliveries (created_at)
         WHERE status IN ('pending', 'retrying')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_deliveries_unsettled_created_at_idx`);
    await q.query(`DROP INDEX error_events_refusal_minute_key`);
    await q.query(`
      ALTER TABLE error_events
        DROP CONSTRAINT error_events_count_check,
        DROP COLUMN minute,
        DROP COLUMN count`);
  }
}
