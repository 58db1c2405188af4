import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { Client } from 'pg';
import { ApiKeysService, type CreateApiKeyInput } from '@zhengjian/access';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { createTestDatabase, type TestDatabase } from '@zhengjian/database';
import { createApiApp } from '../../apps/api/src/api.app';
import { createWorkerApp } from '../../apps/worker/src/worker.app';
import { LogCaptureLogger } from './log-capture.logger';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** The api and worker apps booted in this process against a fresh database and Redis prefix. */
export interface RunningService {
  config: AppConfig;
  db: TestDatabase;
  api: INestApplication;
  worker: INestApplication | undefined;
  /** The api's live config object: tests flip `maintenance` or `syncTimeoutMs` on it. */
  apiConfig: AppConfig;
  sql: Client;
  redis: Redis;
  logs: LogCaptureLogger;
  /** A new API key: `{ id, key }` (plaintext key). */
  createKey(input?: Partial<CreateApiKeyInput>): Promise<{ id: string; key: string }>;
  apiKeys: ApiKeysService;
  /** Every key of this run's Redis prefix. */
  redisKeys(): Promise<string[]>;
  close(): Promise<void>;
}

/** The config of one test run: its own database, its own Redis prefix, a random data key. */
export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): Partial<AppConfig> {
  return {
    databaseUrl,
    redisUrl: REDIS_URL,
    redisPrefix: `zjtest-${randomBytes(5).toString('hex')}`,
    dataKey: randomBytes(32),
    adminToken: randomBytes(16).toString('hex'),
    port: 0,
    workerPort: 0,
    trustProxy: true,
    logLevel: 'verbose',
    ...overrides,
  };
}

/**
 * Boots the real api (and, unless `withWorker` is false, the real worker) in-process. Both run the migrations of the
 * fresh database (under the advisory lock) and share the captured Nest logger.
 */
export async function startService(
  overrides: Partial<AppConfig> = {},
  options: { withWorker?: boolean } = {},
): Promise<RunningService> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, overrides) as AppConfig;
  const logs = new LogCaptureLogger();
  const api = await createApiApp(config);
  api.useLogger(logs);
  // Apps are created with bufferLogs; Nest flushes the buffer only on listen(), and these apps are only init()ed.
  api.flushLogs();
  await api.init();
  let worker: INestApplication | undefined;
  if (options.withWorker !== false) {
    worker = await createWorkerApp(config);
    worker.useLogger(logs);
    worker.flushLogs();
    await worker.init();
  }
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  const redis = new Redis(REDIS_URL);
  const keys = api.get(ApiKeysService);
  return {
    config,
    db,
    api,
    worker,
    apiConfig: api.get<AppConfig>(APP_CONFIG),
    sql,
    redis,
    logs,
    apiKeys: keys,
    createKey: (input = {}) => keys.create({ name: 'e2e', ...input }),
    redisKeys: () => scanKeys(redis, `${config.redisPrefix}:*`),
    close: async () => {
      await worker?.close();
      await api.close();
      await deleteKeys(redis, `${config.redisPrefix}:*`);
      redis.disconnect();
      await sql.end();
      await db.drop();
    },
  };
}

export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

/** Deletes every key matching `pattern` (what "Redis flushed" means for one prefix). */
export async function deleteKeys(redis: Redis, pattern: string): Promise<number> {
  const keys = await scanKeys(redis, pattern);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  return keys.length;
}

/** Polls `check` every 200 ms until it returns a value (not undefined) or `timeoutMs` passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let ipCounter = 0;
/** A distinct client IP per call (sent as X-Forwarded-For; the test apps trust the proxy header). */
export function nextIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}
