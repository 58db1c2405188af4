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
  /**
   * `SYNC_MAX_QUEUE_DEPTH` (default 100; 0 = off): the sync endpoints refuse with 215300, before anything is counted
   * or stored, while this many recognition jobs or more wait in the queue — set it to what the workers clear within
   * `SYNC_TIMEOUT_MS` (workers × concurrency × timeout ÷ seconds per image), so no order is accepted only to time out.
   */
  syncMaxQueueDepth: number;
  /** `WORKER_CONCURRENCY`: recognition jobs run at once per worker process (default 1). */
  workerConcurrency: number;
  /** `RETAIN_IMAGES`: keep order images after the job (default false: deleted once the order is finished). */
  retainImages: boolean;
  /**
   * `RETENTION_DAYS` (default 30): days after an order finished when the worker's retention job erases its image,
   * result, userid, image hash and client IP (the order, billing and error rows stay, without personal data).
   * 0 turns the scheduled erasure off (data is kept until erased by `DELETE /v1/recognitions/:orderid` or the admin).
   */
  retentionDays: number;
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
  /**
   * `CORS_ORIGINS`: comma-separated browser origins allowed to call the api cross-origin (exact match, e.g.
   * `https://kyc.example.com`); empty (default): CORS off, no `Access-Control-*` header is ever sent.
   */
  corsOrigins: string[];
  /** `WEBHOOK_MAX_ATTEMPTS`: attempts of one webhook delivery, the first included (default 6). */
  webhookMaxAttempts: number;
  /**
   * `WEBHOOK_RETRY_BASE_MS`: delay before the second attempt (default 120000); each later one doubles, so 6 attempts
   * span 2+4+8+16+32 = 62 minutes.
   */
  webhookRetryBaseMs: number;
  /** `WEBHOOK_TIMEOUT_MS`: one delivery attempt, connect to last response byte (default 5000). */
  webhookTimeoutMs: number;
  /** `WEBHOOK_ALLOW_PRIVATE=true`: allow webhook targets in private, loopback and link-local ranges (default false). */
  webhookAllowPrivate: boolean;
  /**
   * `RECOGNITION_PROVIDER` (default `local`): who reads the documents. `local`: the embedded engine; `juhe`: the real
   * Juhe API with the operator's appkey (215300 when it is down); `juhe-then-local`: Juhe, the local engine when
   * Juhe is down. The order records which one answered.
   */
  recognitionProvider: RecognitionProviderMode;
  /** `JUHE_APPKEY`: the operator's own Juhe appkey; required unless the provider is `local` ('' when unset). */
  juheAppKey: string;
  /** `JUHE_BASE_URL` (default `http://v.juhe.cn`, Juhe's host). */
  juheBaseUrl: string;
  /** `JUHE_TIMEOUT_MS`: deadline of one upstream attempt, whole response included (default 10000). */
  juheTimeoutMs: number;
  /** `JUHE_TRANSPORT` (default `multipart`): `pic` file upload, or `base64` form field. */
  juheTransport: 'multipart' | 'base64';
}

/** The engines that can answer an order, recorded on it (`orders.provider`); a mode uses one or both. */
export const PROVIDER_NAMES = ['local', 'juhe'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** The values of {@link AppConfig.recognitionProvider}. */
export const RECOGNITION_PROVIDER_MODES = ['local', 'juhe', 'juhe-then-local'] as const;
export type RecognitionProviderMode = (typeof RECOGNITION_PROVIDER_MODES)[number];

/** The values of {@link AppConfig.logLevel}, most to least severe. */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
