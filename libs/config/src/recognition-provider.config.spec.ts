import { InvalidConfigError } from './config.errors';
import { loadConfig } from './load-config';

const BASE = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/t',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  DATA_KEY: Buffer.alloc(32, 3).toString('base64'),
  ADMIN_TOKEN: 'an-admin-token-of-length',
};

describe('RECOGNITION_PROVIDER and JUHE_* variables', () => {
  it('defaults to the local provider, without an appkey', () => {
    expect(loadConfig(BASE)).toMatchObject({
      recognitionProvider: 'local',
      juheAppKey: '',
      juheBaseUrl: 'http://v.juhe.cn',
      juheTimeoutMs: 10_000,
      juheTransport: 'multipart',
    });
  });

  it('reads the juhe settings', () => {
    const env = {
      ...BASE,
      RECOGNITION_PROVIDER: 'juhe-then-local',
      JUHE_APPKEY: 'k',
      JUHE_BASE_URL: 'https://juhe.example.com',
      JUHE_TIMEOUT_MS: '2500',
      JUHE_TRANSPORT: 'base64',
    };
    expect(loadConfig(env)).toMatchObject({
      recognitionProvider: 'juhe-then-local',
      juheAppKey: 'k',
      juheBaseUrl: 'https://juhe.example.com',
      juheTimeoutMs: 2500,
      juheTransport: 'base64',
    });
  });

  it('requires JUHE_APPKEY when the provider is not local', () => {
    for (const mode of ['juhe', 'juhe-then-local']) {
      const error = catchError(() => loadConfig({ ...BASE, RECOGNITION_PROVIDER: mode }));
      expect(error.problems.get('JUHE_APPKEY')).toBe('is not set');
    }
  });

  it('names bad values (an unknown provider is not local: the appkey is required too)', () => {
    const error = catchError(() =>
      loadConfig({ ...BASE, RECOGNITION_PROVIDER: 'remote', JUHE_BASE_URL: 'ftp://x', JUHE_TRANSPORT: 'json' }),
    );
    expect(error.variables.sort()).toEqual(['JUHE_APPKEY', 'JUHE_BASE_URL', 'JUHE_TRANSPORT', 'RECOGNITION_PROVIDER']);
  });
});

function catchError(fn: () => unknown): InvalidConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidConfigError) return err;
    throw err;
  }
  throw new Error('expected an InvalidConfigError');
}
