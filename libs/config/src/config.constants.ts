import type { AppConfig } from './app-config';

/** Nest injection token of the validated `AppConfig` (`@Inject(APP_CONFIG) config: AppConfig`). */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The variables without a default: `loadConfig` refuses to start without them. */
export const REQUIRED_CONFIG_KEYS = ['databaseUrl', 'redisUrl', 'dataKey', 'adminToken'] as const;

type RequiredKey = (typeof REQUIRED_CONFIG_KEYS)[number];

/** Defaults of every optional variable (documented in `app-config.ts` and `.env.example`). */
export const CONFIG_DEFAULTS: Readonly<Omit<Required<AppConfig>, RequiredKey>> = Object.freeze({
  redisPrefix: 'zhengjian',
  port: 3000,
  workerPort: 3001,
  syncTimeoutMs: 30_000,
  syncMaxQueueDepth: 100,
  workerConcurrency: 1,
  retainImages: false,
  retentionDays: 30,
  maxImageBytes: 3 * 1024 * 1024,
  ipRateLimitPerMinute: 600,
  testKeyLimit: 100,
  sweeperIntervalMs: 30_000,
  sweeperStuckAfterMs: 120_000,
  maintenance: false,
  trustProxy: false,
  logLevel: 'log',
  quotaTimeZone: 'Asia/Shanghai',
  corsOrigins: [],
  webhookMaxAttempts: 6,
  webhookRetryBaseMs: 120_000,
  webhookTimeoutMs: 5_000,
  webhookAllowPrivate: false,
  recognitionProvider: 'local',
  juheAppKey: '',
  juheBaseUrl: 'http://v.juhe.cn',
  juheTimeoutMs: 10_000,
  juheTransport: 'multipart',
});
