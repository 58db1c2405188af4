import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Async recognitions and webhooks: `orders.detail` (the `detail` flag of an async request, applied when its result is
 * read later), and on `webhook_deliveries` the delivery chain each attempt row belongs to (`delivery_id`, sent as
 * `X-Zhengjian-Delivery`: constant across the retries of one chain so receivers can de-duplicate) and the attempt's
 * outcome (`status`). One chain per order plus one per redelivery; `(delivery_id, attempt)` is unique, so a re-run of
 * the same attempt updates its row instead of adding one.
 */
export class WebhookDeliveryChains1796100000000 implements MigrationInterface {
  name = 'WebhookDeliveryChains1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders ADD COLUMN detail boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE webhook_deliveries ADD COLUMN delivery_id uuid NULL`);
    await q.query(`UPDATE webhook_deliveries SET delivery_id = id`);
    await q.query(`ALTER TABLE webhook_deliveries ALTER COLUMN delivery_id SET NOT NULL`);
    await q.query(`
      ALTER TABLE webhook_deliveries
        ADD COLUMN status text NOT NULL DEFAULT 'pending',
        ADD CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'delivered', 'retrying', 'failed')),
        ADD CONSTRAINT webhook_deliveries_delivery_id_attempt_key UNIQUE (delivery_id, attempt)`);
    await q.query(`CREATE INDEX webhook_deliveries_created_at_idx ON webhook_deliveries (created_at)`);
    // Expired idempotency rows are deleted by age.
    await q.query(`CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_keys_created_at_idx`);
    await q.query(`DROP INDEX webhook_deliveries_created_at_idx`);
    await q.query(`
      ALTER TABLE webhook_deliveries
        DROP CONSTRAINT webhook_deliveries_delivery_id_attempt_key,
        DROP CONSTRAINT webhook_deliveries_status_check,
        DROP COLUMN status,
        DROP COLUMN delivery_id`);
    await q.query(`ALTER TABLE orders DROP COLUMN detail`);
  }
}
