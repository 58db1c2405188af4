/** `@zhengjian/database`: the Postgres connection, the committed migrations and their runner, a test-database helper. */
export { DatabaseModule } from './database.module';
export { MIGRATIONS } from './database.migrations';
export { DATABASE_ENTITIES, MIGRATIONS_TABLE, createDataSource, dataSourceOptions } from './database.options';
export { MIGRATION_LOCK_KEY, runMigrations } from './migration.runner';
export { createTestDatabase, type TestDatabase } from './test-database';
