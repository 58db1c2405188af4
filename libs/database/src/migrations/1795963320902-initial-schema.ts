import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema (ARCHITECTURE §5): keys and their daily usage, orders with their encrypted images, billing,
 * error history, and the webhook/idempotency tables of the async API. Committed migrations are never edited after
 * landing: change the schema with a new migration.
 */
export class InitialSchema1795963320902 implements MigrationInterface {
  name = 'InitialSchema1795963320902';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        key_hash text NOT NULL CONSTRAINT api_keys_key_hash_key UNIQUE,
        prefix text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        expires_at timestamptz NULL,
        is_test boolean NOT NULL DEFAULT false,
        daily_quota integer NULL CHECK (daily_quota >= 0),
        total_quota integer NULL CHECK (total_quota >= 0),
        allowed_card_types integer[] NULL,
        ip_denylist text[] NOT NULL DEFAULT '{}',
        webhook_url text NULL,
        webhook_secret_enc text NULL,
        total_used integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_key_usage (
        api_key_id uuid NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
        day date NOT NULL,
        used integer NOT NULL DEFAULT 0,
        PRIMARY KEY (api_key_id, day)
      )`);
    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        orderid text NOT NULL CONSTRAINT orders_orderid_key UNIQUE,
        api_key_id uuid NOT NULL REFERENCES api_keys (id),
        userid text NULL,
        card_type integer NOT NULL,
        mode text NOT NULL CHECK (mode IN ('sync', 'async')),
        provider text NULL CHECK (provider IN ('local', 'juhe')),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'processing', 'succeeded', 'failed')),
        error_code integer NULL,
        reason text NULL,
        result_enc text NULL,
        image_sha256 text NULL,
        return_order_id boolean NOT NULL DEFAULT false,
        callback_url text NULL,
        client_ip text NULL,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NULL,
        finished_at timestamptz NULL,
        duration_ms integer NULL
      )`);
    await q.query(`CREATE INDEX orders_api_key_id_created_at_idx ON orders (api_key_id, created_at)`);
    // Partial: the sweeper only ever looks at unfinished orders, a small fraction of the table.
    await q.query(`
      CREATE INDEX orders_unfinished_status_updated_at_idx ON orders (status, updated_at)
      WHERE status IN ('queued', 'processing')`);
    await q.query(`
      CREATE TABLE order_images (
        order_id uuid PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
        bytes_enc bytea NOT NULL,
        mime text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE billing_records (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL CONSTRAINT billing_records_order_id_key UNIQUE REFERENCES orders (id),
        api_key_id uuid NOT NULL REFERENCES api_keys (id),
        card_type integer NOT NULL,
        error_code integer NOT NULL,
        units integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX billing_records_api_key_id_created_at_idx ON billing_records (api_key_id, created_at)`);
    await q.query(`
      CREATE TABLE error_events (
        id uuid PRIMARY KEY,
        order_id uuid NULL REFERENCES orders (id),
        api_key_id uuid NULL REFERENCES api_keys (id),
        error_code integer NOT NULL,
        reason text NOT NULL,
        detail text NULL,
        ip text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX error_events_api_key_id_created_at_idx ON error_events (api_key_id, created_at)`);
    await q.query(`CREATE INDEX error_events_created_at_idx ON error_events (created_at)`);
    await q.query(`CREATE INDEX error_events_order_id_idx ON error_events (order_id)`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id),
        url text NOT NULL,
        attempt integer NOT NULL,
        status_code integer NULL,
        duration_ms integer NULL,
        error text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_order_id_created_at_idx ON webhook_deliveries (order_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE idempotency_keys (
        api_key_id uuid NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash text NOT NULL,
        response jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (api_key_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'webhook_deliveries',
      'error_events',
      'billing_records',
      'order_images',
      'orders',
      'api_key_usage',
      'api_keys',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
