import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Key of the session-level advisory lock held while migrating: any 64-bit number other tools don't use; this one
 * spells the Juhe module (215) and "migrations" (3). Every zhengjian process uses the same key.
 */
export const MIGRATION_LOCK_KEY = '2153000003';

const logger = new Logger('MigrationRunner');

/**
 * Applies the pending committed migrations, all in one transaction, while holding `pg_advisory_lock` on a dedicated
 * connection: processes that boot at once (api + workers) queue on the lock, and each later one finds nothing pending.
 * The lock is a session lock, so a process that dies mid-way releases it with its connection.
 *
 * @returns the names of the migrations applied (empty when the schema was up to date).
 * @throws whatever a migration throws; its transaction is rolled back and the lock released.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const started = performance.now();
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const waitedMs = Math.round(performance.now() - started);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'all' });
      const names = applied.map((m) => m.name);
      const ms = Math.round(performance.now() - started);
      if (names.length > 0) logger.log(`applied ${names.length} migrations in ${ms} ms: ${names.join(', ')}`);
      else logger.debug(`schema up to date (checked in ${ms} ms, ${waitedMs} ms waiting for the lock)`);
      return names;
    } finally {
      await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockRunner.release();
  }
}
