import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidConfigError, describeBootError } from './config.errors';
import { applyDotEnvFile, loadConfig, loadDatabaseUrl } from './load-config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const VALID = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/zhengjian',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  DATA_KEY: KEY,
  ADMIN_TOKEN: 'admin-token-0123456789',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof InvalidConfigError) return err.variables.sort();
    throw err;
  }
  return [];
}

describe(loadConfig.name, () => {
  it('fills every optional value with its documented default', () => {
    const config = loadConfig(VALID);
    expect(config).toEqual({
      databaseUrl: VALID.DATABASE_URL,
      redisUrl: VALID.REDIS_URL,
      redisPrefix: 'zhengjian',
      port: 3000,
      workerPort: 3001,
      dataKey: Buffer.alloc(32, 7),
      adminToken: VALID.ADMIN_TOKEN,
      syncTimeoutMs: 30000,
      requestTimeoutMs: 120000,
      syncMaxQueueDepth: 100,
      workerConcurrency: 1,
      recognitionTimeoutMs: 60000,
      engineRecycleAfterJobs: 0,
      retainImages: false,
      retentionDays: 30,
      maxImageBytes: 3145728,
      ipRateLimitPerMinute: 600,
      testKeyLimit: 100,
      sweeperIntervalMs: 30000,
      sweeperStuckAfterMs: 120000,
      maintenance: false,
      trustProxy: false,
      logLevel: 'log',
      quotaTimeZone: 'Asia/Shanghai',
      corsOrigins: [],
      webhookMaxAttempts: 6,
      webhookRetryBaseMs: 120000,
      webhookTimeoutMs: 5000,
      webhookAllowPrivate: false,
      recognitionProvider: 'local',
      juheAppKey: '',
      juheBaseUrl: 'http://v.juhe.cn',
      juheTimeoutMs: 10000,
      juheTransport: 'multipart',
    });
  });

  it('converts numbers and booleans', () => {
    const config = loadConfig({
      ...VALID,
      PORT: '8080',
      RETAIN_IMAGES: 'TRUE',
      MAINTENANCE: '0',
      WORKER_CONCURRENCY: '4',
      LOG_LEVEL: 'debug',
      QUOTA_TIME_ZONE: 'UTC',
      SYNC_MAX_QUEUE_DEPTH: '0',
    });
    expect(config.syncMaxQueueDepth).toBe(0);
    expect([config.port, config.retainImages, config.maintenance, config.workerConcurrency]).toEqual([
      8080,
      true,
      false,
      4,
    ]);
    expect([config.logLevel, config.quotaTimeZone]).toEqual(['debug', 'UTC']);
  });

  it('reads RETENTION_DAYS (0 turns the scheduled erasure off) and refuses negative or huge values', () => {
    expect(loadConfig({ ...VALID, RETENTION_DAYS: '0' }).retentionDays).toBe(0);
    expect(loadConfig({ ...VALID, RETENTION_DAYS: '180' }).retentionDays).toBe(180);
    expect(problemsOf({ ...VALID, RETENTION_DAYS: '-1' })).toEqual(['RETENTION_DAYS']);
    expect(problemsOf({ ...VALID, RETENTION_DAYS: '36501' })).toEqual(['RETENTION_DAYS']);
  });

  it('reads CORS_ORIGINS as a list of exact origins, and refuses paths, wildcards and other schemes', () => {
    const config = loadConfig({ ...VALID, CORS_ORIGINS: ' https://kyc.example.com, http://localhost:5173 ,' });
    expect(config.corsOrigins).toEqual(['https://kyc.example.com', 'http://localhost:5173']);
    expect(loadConfig({ ...VALID, CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    for (const bad of [
      '*',
      'https://kyc.example.com/',
      'https://kyc.example.com/app',
      'ftp://x.example',
      'kyc.example.com',
    ]) {
      expect([bad, problemsOf({ ...VALID, CORS_ORIGINS: bad })]).toEqual([bad, ['CORS_ORIGINS']]);
    }
  });

  it('names every missing required variable', () => {
    expect(problemsOf({})).toEqual(['ADMIN_TOKEN', 'DATABASE_URL', 'DATA_KEY', 'REDIS_URL']);
  });

  it('reads RECOGNITION_TIMEOUT_MS and ENGINE_RECYCLE_AFTER_JOBS (0 = never) and refuses values out of range', () => {
    const config = loadConfig({ ...VALID, RECOGNITION_TIMEOUT_MS: '15000', ENGINE_RECYCLE_AFTER_JOBS: '500' });
    expect([config.recognitionTimeoutMs, config.engineRecycleAfterJobs]).toEqual([15000, 500]);
    expect(loadConfig({ ...VALID, ENGINE_RECYCLE_AFTER_JOBS: '0' }).engineRecycleAfterJobs).toBe(0);
    expect(problemsOf({ ...VALID, RECOGNITION_TIMEOUT_MS: '999', ENGINE_RECYCLE_AFTER_JOBS: '-1' })).toEqual([
      'ENGINE_RECYCLE_AFTER_JOBS',
      'RECOGNITION_TIMEOUT_MS',
    ]);
    expect(problemsOf({ ...VALID, RECOGNITION_TIMEOUT_MS: '1.5' })).toEqual(['RECOGNITION_TIMEOUT_MS']);
  });

  it('treats an empty value as unset', () => {
    expect(problemsOf({ ...VALID, DATABASE_URL: '' })).toEqual(['DATABASE_URL']);
  });

  it('names every bad variable at once', () => {
    const env = {
      ...VALID,
      DATABASE_URL: 'mysql://localhost/db',
      REDIS_URL: 'redis://127.0.0.1:6379/zero',
      PORT: '70000',
      RETAIN_IMAGES: 'maybe',
      SYNC_MAX_QUEUE_DEPTH: '-1',
      LOG_LEVEL: 'trace',
      QUOTA_TIME_ZONE: 'Mars/Olympus',
      ADMIN_TOKEN: 'short',
    };
    expect(problemsOf(env)).toEqual([
      'ADMIN_TOKEN',
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'QUOTA_TIME_ZONE',
      'REDIS_URL',
      'RETAIN_IMAGES',
      'SYNC_MAX_QUEUE_DEPTH',
    ]);
  });

  it('requires DATA_KEY to decode to exactly 32 bytes', () => {
    expect(problemsOf({ ...VALID, DATA_KEY: Buffer.alloc(31).toString('base64') })).toEqual(['DATA_KEY']);
    expect(problemsOf({ ...VALID, DATA_KEY: Buffer.alloc(33).toString('base64') })).toEqual(['DATA_KEY']);
    expect(problemsOf({ ...VALID, DATA_KEY: 'not base64 at all!' })).toEqual(['DATA_KEY']);
  });

  it('says what is wrong without echoing secret values', () => {
    const secret = 'tooShortSecret';
    expect(() => loadConfig({ ...VALID, ADMIN_TOKEN: secret, DATA_KEY: undefined })).toThrow(
      'Invalid environment (see .env.example):\n  DATA_KEY is not set\n  ADMIN_TOKEN must be at least 16 characters long',
    );
  });
});

describe(loadDatabaseUrl.name, () => {
  it('needs only DATABASE_URL', () => {
    expect(loadDatabaseUrl({ DATABASE_URL: VALID.DATABASE_URL })).toBe(VALID.DATABASE_URL);
    expect(() => loadDatabaseUrl({})).toThrow('DATABASE_URL is not set');
  });
});

describe(applyDotEnvFile.name, () => {
  it('sets variables from the file without overriding the real environment', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zj-env-')), '.env');
    writeFileSync(path, '# comment\nPORT=4000\nLOG_LEVEL=warn\n');
    const env: Record<string, string | undefined> = { PORT: '5000' };
    expect(applyDotEnvFile(path, env)).toEqual(['LOG_LEVEL']);
    expect(env).toEqual({ PORT: '5000', LOG_LEVEL: 'warn' });
  });
});

describe(describeBootError.name, () => {
  it('prints a bad environment as the variables to fix, without a stack trace', () => {
    const err = new InvalidConfigError(new Map([['PORT', 'must be an integer from 1 to 65535']]));
    expect(describeBootError(err)).toBe(
      'Invalid environment (see .env.example):\n  PORT must be an integer from 1 to 65535',
    );
  });

  it('prints any other failure with its stack', () => {
    const err = new Error('connect ECONNREFUSED');
    expect(describeBootError(err)).toBe(err.stack);
    expect(describeBootError('plain')).toBe('plain');
  });
});
