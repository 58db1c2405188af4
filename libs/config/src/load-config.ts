import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { validateSync } from 'class-validator';
import type { AppConfig } from './app-config';
import { CONFIG_DEFAULTS } from './config.constants';
import { InvalidConfigError } from './config.errors';
import { ENV_VARIABLES, EnvDto } from './env.dto';
import { splitList } from './env.validators';

type Env = Record<string, string | undefined>;

/**
 * Validates the environment and converts it into the typed `AppConfig` (defaults for the optional variables).
 *
 * @param env the variables, default `process.env`; empty strings count as unset (`PORT=` in a `.env` file).
 * @throws InvalidConfigError naming every missing or bad variable (never echoing values: some are secrets).
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const dto = toDto(env);
  const problems = validateEnv(dto);
  if (problems.size > 0) throw new InvalidConfigError(problems);
  return toConfig(dto);
}

/**
 * Only `DATABASE_URL`, for processes that need nothing else (the `keys` CLI commands).
 *
 * @throws InvalidConfigError when it is missing or not a postgres URL.
 */
export function loadDatabaseUrl(env: Env = process.env): string {
  const dto = toDto(env);
  const problem = validateEnv(dto).get('DATABASE_URL');
  if (problem !== undefined) throw new InvalidConfigError(new Map([['DATABASE_URL', problem]]));
  return dto.DATABASE_URL;
}

/**
 * Copies the variables of a dotenv file (default `./.env`) into `env` without overriding any already set, so a real
 * environment always wins over the file. Missing file: nothing happens. Returns the names it set.
 */
export function applyDotEnvFile(path = '.env', env: Env = process.env): string[] {
  if (!existsSync(path)) return [];
  const parsed = parseEnv(readFileSync(path, 'utf8'));
  const applied: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (env[name] === undefined && value !== undefined) {
      env[name] = value;
      applied.push(name);
    }
  }
  return applied;
}

function toDto(env: Env): EnvDto {
  const dto = new EnvDto();
  for (const name of ENV_VARIABLES) {
    const value = env[name]?.trim();
    if (value) dto[name] = value;
  }
  return dto;
}

/** Variable name → first problem found with it; empty when the environment is valid. */
function validateEnv(dto: EnvDto): Map<string, string> {
  const problems = new Map<string, string>();
  for (const error of validateSync(dto, { validationError: { target: false, value: false } })) {
    const name = error.property;
    const message =
      dto[name as keyof EnvDto] === undefined
        ? 'is not set'
        : (Object.values(error.constraints ?? {})[0] ?? 'is invalid');
    if (!problems.has(name)) problems.set(name, message);
  }
  return problems;
}

function toConfig(dto: EnvDto): AppConfig {
  const int = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const bool = (value: string | undefined, fallback: boolean) =>
    value === undefined ? fallback : ['true', '1', 'yes'].includes(value.toLowerCase());
  const d = CONFIG_DEFAULTS;
  return {
    databaseUrl: dto.DATABASE_URL,
    redisUrl: dto.REDIS_URL,
    redisPrefix: dto.REDIS_PREFIX ?? d.redisPrefix,
    port: int(dto.PORT, d.port),
    workerPort: int(dto.WORKER_PORT, d.workerPort),
    dataKey: Buffer.from(dto.DATA_KEY, 'base64'),
    adminToken: dto.ADMIN_TOKEN,
    syncTimeoutMs: int(dto.SYNC_TIMEOUT_MS, d.syncTimeoutMs),
    syncMaxQueueDepth: int(dto.SYNC_MAX_QUEUE_DEPTH, d.syncMaxQueueDepth),
    workerConcurrency: int(dto.WORKER_CONCURRENCY, d.workerConcurrency),
    retainImages: bool(dto.RETAIN_IMAGES, d.retainImages),
    retentionDays: int(dto.RETENTION_DAYS, d.retentionDays),
    maxImageBytes: int(dto.MAX_IMAGE_BYTES, d.maxImageBytes),
    ipRateLimitPerMinute: int(dto.IP_RATE_LIMIT_PER_MINUTE, d.ipRateLimitPerMinute),
    testKeyLimit: int(dto.TEST_KEY_LIMIT, d.testKeyLimit),
    sweeperIntervalMs: int(dto.SWEEPER_INTERVAL_MS, d.sweeperIntervalMs),
    sweeperStuckAfterMs: int(dto.SWEEPER_STUCK_AFTER_MS, d.sweeperStuckAfterMs),
    maintenance: bool(dto.MAINTENANCE, d.maintenance),
    trustProxy: bool(dto.TRUST_PROXY, d.trustProxy),
    logLevel: (dto.LOG_LEVEL as AppConfig['logLevel'] | undefined) ?? d.logLevel,
    quotaTimeZone: dto.QUOTA_TIME_ZONE ?? d.quotaTimeZone,
    corsOrigins: dto.CORS_ORIGINS === undefined ? [...d.corsOrigins] : splitList(dto.CORS_ORIGINS),
    webhookMaxAttempts: int(dto.WEBHOOK_MAX_ATTEMPTS, d.webhookMaxAttempts),
    webhookRetryBaseMs: int(dto.WEBHOOK_RETRY_BASE_MS, d.webhookRetryBaseMs),
    webhookTimeoutMs: int(dto.WEBHOOK_TIMEOUT_MS, d.webhookTimeoutMs),
    webhookAllowPrivate: bool(dto.WEBHOOK_ALLOW_PRIVATE, d.webhookAllowPrivate),
    recognitionProvider:
      (dto.RECOGNITION_PROVIDER as AppConfig['recognitionProvider'] | undefined) ?? d.recognitionProvider,
    juheAppKey: dto.JUHE_APPKEY ?? d.juheAppKey,
    juheBaseUrl: dto.JUHE_BASE_URL ?? d.juheBaseUrl,
    juheTimeoutMs: int(dto.JUHE_TIMEOUT_MS, d.juheTimeoutMs),
    juheTransport: (dto.JUHE_TRANSPORT as AppConfig['juheTransport'] | undefined) ?? d.juheTransport,
  };
}
