import { ApiKeyEntity, ApiKeyUsageEntity } from '@zhengjian/access';
import type { AppConfig } from '@zhengjian/config';
import {
  BillingRecordEntity,
  ErrorEventEntity,
  IdempotencyKeyEntity,
  OrderEntity,
  OrderImageEntity,
} from '@zhengjian/orders';
import { WebhookDeliveryEntity } from '@zhengjian/webhooks';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './database.migrations';

/** Every entity of the schema. A lib that adds tables adds its entities here and a migration for them. */
export const DATABASE_ENTITIES = [
  ApiKeyEntity,
  ApiKeyUsageEntity,
  OrderEntity,
  OrderImageEntity,
  BillingRecordEntity,
  ErrorEventEntity,
  WebhookDeliveryEntity,
  IdempotencyKeyEntity,
];

/** Name of TypeORM's bookkeeping table of applied migrations. */
export const MIGRATIONS_TABLE = 'migrations';

/**
 * TypeORM options of the one Postgres database. `synchronize` is always off: the schema changes only through the
 * committed migrations, which `runMigrations` applies under an advisory lock (never `migrationsRun`, which has none).
 *
 * @param config `databaseUrl`, e.g. `postgres://postgres@127.0.0.1:5432/zhengjian`.
 * @param poolSize connections in the pool (default 10, node-postgres' default).
 */
export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl'>, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: DATABASE_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    logging: ['error'],
    extra: { max: poolSize, application_name: 'zhengjian' },
  };
}

/** A DataSource for processes outside Nest (CLI, tests); call `initialize()` and then `runMigrations`. */
export function createDataSource(config: Pick<AppConfig, 'databaseUrl'>, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(config, poolSize));
}
