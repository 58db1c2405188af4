import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database made for one test run. */
export interface TestDatabase {
  /** e.g. `zhengjian_test_3f9a0c1d2e4b`. */
  name: string;
  /** Connection URL of the new database (same server and credentials as the admin URL). */
  url: string;
  /** Drops it, closing connections still open (`WITH (FORCE)`, Postgres ≥ 13). Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * Creates an empty database `zhengjian_test_<random>` for one test run (no migrations applied: booting the app or
 * `runMigrations` does that). Each run gets its own, so runs in parallel never see each other's rows.
 *
 * @param adminUrl a URL of the server's maintenance database; default `TEST_DATABASE_ADMIN_URL` or
 *   `postgres://postgres@127.0.0.1:5432/postgres` (the local trust-auth server).
 */
export async function createTestDatabase(
  adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
): Promise<TestDatabase> {
  const name = `zhengjian_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
