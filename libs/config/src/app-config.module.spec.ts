import { Test } from '@nestjs/testing';
import type { AppConfig } from './app-config';
import { AppConfigModule, resolveConfig } from './app-config.module';
import { APP_CONFIG, CONFIG_DEFAULTS } from './config.constants';

const REQUIRED = {
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/t',
  redisUrl: 'redis://127.0.0.1:6379/1',
  dataKey: Buffer.alloc(32, 1),
  adminToken: 'a-test-admin-token',
};

describe(AppConfigModule.name, () => {
  it('provides a complete config passed by a test, completed with the defaults', async () => {
    const module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot({ ...REQUIRED, workerConcurrency: 4 })],
    }).compile();
    expect(module.get<AppConfig>(APP_CONFIG)).toEqual({ ...CONFIG_DEFAULTS, ...REQUIRED, workerConcurrency: 4 });
  });
});

describe(resolveConfig.name, () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads the environment when the overrides are incomplete, and lets them win', () => {
    Object.assign(process.env, {
      DATABASE_URL: REQUIRED.databaseUrl,
      REDIS_URL: REQUIRED.redisUrl,
      DATA_KEY: REQUIRED.dataKey.toString('base64'),
      ADMIN_TOKEN: REQUIRED.adminToken,
      PORT: '4000',
    });
    const config = resolveConfig({ redisPrefix: 'run-1' });
    expect([config.port, config.redisPrefix, config.dataKey]).toEqual([4000, 'run-1', REQUIRED.dataKey]);
  });
});
