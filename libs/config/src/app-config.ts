/**
 * The one typed configuration of the api, worker and cli processes, read from the environment and validated once at
 * boot (class-validator); a missing or bad variable stops the process with a message naming it. `.env.example`
 * documents every variable. This shape is a contract between libs and apps: extend it, don't rename.
 */
export interface AppConfig {
  /** `DATABASE_URL`, e.g. `postgres://postgres@127.0.0.1:5432/zhengjian`. */
  databaseUrl: string;
  /** `REDIS_URL`, e.g. `redis://127.0.0.1:6379/0` (the path is the database index). */
  redisUrl: string;
  /** `REDIS_PREFIX`: BullMQ key prefix (default `zhengjian`); tests use one per run. */
  redisPrefix: string;
  /** `PORT` of the api (default 3000); `WORKER_PORT` of the worker's health endpoint (default 3001). */
  port: number;
  workerPort: number;
  /** `DATA_KEY`: 32 random bytes, Base64; AES-256-GCM key for images, results and secrets at rest. */
  dataKey: Buffer;
  /** `ADMIN_TOKEN`: bearer token of the admin endpoints (≥ 16 characters). */
  adminToken: string;
  /** `SYNC_TIMEOUT_MS`: how long the sync endpoints wait for the job (default 30000); then 215300. */
  syncTimeoutMs: number;
  /** `WORKER_CONCURRENCY`: recognition jobs run at once per worker process (default 1). */
  workerConcurrency: number;
  /** `RETAIN_IMAGES`: keep order images after the job (default false: deleted once the order is finished). */
  retainImages: boolean;
  /** `MAX_IMAGE_BYTES` (default 3 MiB, Juhe's limit). */
  maxImageBytes: number;
  /** `IP_RATE_LIMIT_PER_MINUTE` per client IP across keys (default 600); over it: 10011. */
  ipRateLimitPerMinute: number;
  /** `TEST_KEY_LIMIT`: total requests a test key may make (default 100); over it: 10013. */
  testKeyLimit: number;
  /** `SWEEPER_INTERVAL_MS` (default 30000) and `SWEEPER_STUCK_AFTER_MS` (default 120000). */
  sweeperIntervalMs: number;
  sweeperStuckAfterMs: number;
  /** `MAINTENANCE=true`: every recognition request answers 10020. */
  maintenance: boolean;
  /** `TRUST_PROXY=true`: take the client IP from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  /** `LOG_LEVEL` (default `log`): error, warn, log, debug, verbose. */
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /**
   * `QUOTA_TIME_ZONE` (default `Asia/Shanghai`): IANA zone whose calendar day the daily key quotas count in; Juhe's
   * daily limits reset at Beijing midnight, so clients migrating from it see the same reset time. Always set by
   * `loadConfig`; optional only so that configs written by hand before it existed still compile.
   */
  quotaTimeZone?: string;
}

/** The values of {@link AppConfig.logLevel}, most to least severe. */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
