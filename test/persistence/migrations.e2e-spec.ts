import {
  MIGRATIONS,
  createDataSource,
  createTestDatabase,
  runMigrations,
  type TestDatabase,
} from '@zhengjian/database';
import type { DataSource } from 'typeorm';

jest.setTimeout(60_000);

const TABLES = [
  'api_key_usage',
  'api_keys',
  'billing_records',
  'error_events',
  'idempotency_keys',
  'migrations',
  'order_images',
  'orders',
  'webhook_deliveries',
];

describe('committed migrations', () => {
  let db: TestDatabase;
  const sources: DataSource[] = [];

  async function open(): Promise<DataSource> {
    const source = await createDataSource({ databaseUrl: db.url }, 2).initialize();
    sources.push(source);
    return source;
  }

  beforeEach(async () => {
    db = await createTestDatabase();
  });

  afterEach(async () => {
    await Promise.all(sources.splice(0).map((s) => s.destroy()));
    await db.drop();
  });

  it('create every table on an empty database, and find nothing to do the second time', async () => {
    const source = await open();
    expect(await runMigrations(source)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await runMigrations(source)).toEqual([]);
    const rows: { table_name: string }[] = await source.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(TABLES);
  });

  it('run once when two processes boot at the same time (advisory lock)', async () => {
    const [a, b] = [await open(), await open()];
    const results = await Promise.all([runMigrations(a), runMigrations(b)]);
    expect(results.map((names) => names.length).sort()).toEqual([0, MIGRATIONS.length]);
    const applied: unknown[] = await a.query('SELECT name FROM migrations');
    expect(applied).toHaveLength(MIGRATIONS.length);
  });

  it('match the entities exactly (synchronize would change nothing)', async () => {
    const source = await open();
    await runMigrations(source);
    const pending = await source.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
