import { IsIn, IsOptional, IsString, Matches, MinLength, ValidateIf } from 'class-validator';
import { LOG_LEVELS, RECOGNITION_PROVIDER_MODES } from './app-config';
import {
  IsBase64Key,
  IsBooleanString,
  IsIntString,
  IsOriginList,
  IsTimeZone,
  IsUrlWithProtocol,
} from './env.validators';

/**
 * The environment as read at boot: one property per variable, named exactly like it, each a string or absent.
 * `loadConfig` validates an instance with class-validator and converts it into an `AppConfig`. Optional variables
 * get the defaults of `CONFIG_DEFAULTS`. Every variable here is documented in `.env.example`.
 */
export class EnvDto {
  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  DATABASE_URL!: string;

  @IsUrlWithProtocol(['redis:', 'rediss:'])
  @Matches(/^[^/]*\/\/[^/]*(\/\d{1,2})?\/?$/, { message: 'must end with an optional database index, e.g. /0' })
  REDIS_URL!: string;

  @IsOptional()
  @Matches(/^[\w.:-]{1,64}$/, { message: 'must be 1-64 characters of A-Z a-z 0-9 _ . : -' })
  REDIS_PREFIX?: string;

  @IsOptional()
  @IsIntString(1, 65535)
  PORT?: string;

  @IsOptional()
  @IsIntString(1, 65535)
  WORKER_PORT?: string;

  @IsBase64Key(32)
  DATA_KEY!: string;

  @IsString({ message: 'must be set (a random string of at least 16 characters)' })
  @MinLength(16, { message: 'must be at least 16 characters long' })
  ADMIN_TOKEN!: string;

  @IsOptional()
  @IsIntString(100, 600_000)
  SYNC_TIMEOUT_MS?: string;

  /** 0 turns the overload refusal off. */
  @IsOptional()
  @IsIntString(0, 1_000_000)
  SYNC_MAX_QUEUE_DEPTH?: string;

  @IsOptional()
  @IsIntString(1, 256)
  WORKER_CONCURRENCY?: string;

  @IsOptional()
  @IsBooleanString()
  RETAIN_IMAGES?: string;

  /** 0 keeps images and results until they are erased by a request (no scheduled erasure). */
  @IsOptional()
  @IsIntString(0, 36_500)
  RETENTION_DAYS?: string;

  @IsOptional()
  @IsIntString(1024, 100 * 1024 * 1024)
  MAX_IMAGE_BYTES?: string;

  /** 0 turns the per-IP limit off. */
  @IsOptional()
  @IsIntString(0, 1_000_000_000)
  IP_RATE_LIMIT_PER_MINUTE?: string;

  @IsOptional()
  @IsIntString(0, 1_000_000_000)
  TEST_KEY_LIMIT?: string;

  @IsOptional()
  @IsIntString(100, 86_400_000)
  SWEEPER_INTERVAL_MS?: string;

  @IsOptional()
  @IsIntString(1000, 86_400_000)
  SWEEPER_STUCK_AFTER_MS?: string;

  @IsOptional()
  @IsBooleanString()
  MAINTENANCE?: string;

  @IsOptional()
  @IsBooleanString()
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIn([...LOG_LEVELS], { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  @IsOptional()
  @IsTimeZone()
  QUOTA_TIME_ZONE?: string;

  @IsOptional()
  @IsOriginList()
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsIntString(1, 50)
  WEBHOOK_MAX_ATTEMPTS?: string;

  @IsOptional()
  @IsIntString(10, 86_400_000)
  WEBHOOK_RETRY_BASE_MS?: string;

  @IsOptional()
  @IsIntString(100, 60_000)
  WEBHOOK_TIMEOUT_MS?: string;

  @IsOptional()
  @IsBooleanString()
  WEBHOOK_ALLOW_PRIVATE?: string;

  @IsOptional()
  @IsIn([...RECOGNITION_PROVIDER_MODES], { message: `must be one of ${RECOGNITION_PROVIDER_MODES.join(', ')}` })
  RECOGNITION_PROVIDER?: string;

  /** Required as soon as the provider is not `local`: the upstream needs the operator's appkey. */
  @ValidateIf((env: EnvDto) => env.RECOGNITION_PROVIDER !== undefined && env.RECOGNITION_PROVIDER !== 'local')
  @IsString({ message: 'must be set when RECOGNITION_PROVIDER is juhe or juhe-then-local' })
  @MinLength(1)
  JUHE_APPKEY?: string;

  @IsOptional()
  @IsUrlWithProtocol(['http:', 'https:'])
  JUHE_BASE_URL?: string;

  @IsOptional()
  @IsIntString(100, 120_000)
  JUHE_TIMEOUT_MS?: string;

  @IsOptional()
  @IsIn(['multipart', 'base64'], { message: 'must be multipart or base64' })
  JUHE_TRANSPORT?: string;
}

/** The names of every variable `EnvDto` reads, in declaration order. */
export const ENV_VARIABLES = [
  'DATABASE_URL',
  'REDIS_URL',
  'REDIS_PREFIX',
  'PORT',
  'WORKER_PORT',
  'DATA_KEY',
  'ADMIN_TOKEN',
  'SYNC_TIMEOUT_MS',
  'SYNC_MAX_QUEUE_DEPTH',
  'WORKER_CONCURRENCY',
  'RETAIN_IMAGES',
  'RETENTION_DAYS',
  'MAX_IMAGE_BYTES',
  'IP_RATE_LIMIT_PER_MINUTE',
  'TEST_KEY_LIMIT',
  'SWEEPER_INTERVAL_MS',
  'SWEEPER_STUCK_AFTER_MS',
  'MAINTENANCE',
  'TRUST_PROXY',
  'LOG_LEVEL',
  'QUOTA_TIME_ZONE',
  'CORS_ORIGINS',
  'WEBHOOK_MAX_ATTEMPTS',
  'WEBHOOK_RETRY_BASE_MS',
  'WEBHOOK_TIMEOUT_MS',
  'WEBHOOK_ALLOW_PRIVATE',
  'RECOGNITION_PROVIDER',
  'JUHE_APPKEY',
  'JUHE_BASE_URL',
  'JUHE_TIMEOUT_MS',
  'JUHE_TRANSPORT',
] as const satisfies readonly (keyof EnvDto)[];
