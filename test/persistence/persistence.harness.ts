import { randomBytes } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { AccessModule, ApiKeysService, REDIS } from '@zhengjian/access';
import { AppConfigModule, CONFIG_DEFAULTS, type AppConfig } from '@zhengjian/config';
import { DatabaseModule, createTestDatabase, type TestDatabase } from '@zhengjian/database';
import { OrdersModule } from '@zhengjian/orders';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';

/** The persistence libs booted as an app would boot them, on a database and Redis prefix of their own. */
export interface PersistenceHarness {
  module: TestingModule;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  redis: Redis;
  keys: ApiKeysService;
  /** Closes the app (Redis, pool), drops the database and deletes the run's Redis keys. */
  close(): Promise<void>;
}

/** A config for one test run: fresh `DATA_KEY`, admin token and Redis prefix; Redis from `TEST_REDIS_URL` or local db 0. */
export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...CONFIG_DEFAULTS,
    databaseUrl,
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    redisPrefix: `zjtest-${randomBytes(5).toString('hex')}`,
    dataKey: randomBytes(32),
    adminToken: randomBytes(16).toString('hex'),
    ...overrides,
  };
}

/** Creates a database, boots config + database (migrations) + orders + access modules against it. */
export async function startPersistence(overrides: Partial<AppConfig> = {}): Promise<PersistenceHarness> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, overrides);
  let module: TestingModule | undefined;
  try {
    module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(config), DatabaseModule, OrdersModule, AccessModule],
    }).compile();
    await module.init();
  } catch (err) {
    await module?.close();
    await db.drop();
    throw err;
  }
  const app = module;
  const redis = app.get<Redis>(REDIS);
  return {
    module: app,
    config,
    db,
    dataSource: app.get(DataSource),
    redis,
    keys: app.get(ApiKeysService),
    close: async () => {
      await deleteKeys(redis, `${config.redisPrefix}:*`);
      await app.close();
      await db.drop();
    },
  };
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
