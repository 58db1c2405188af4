import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import type { AppConfig } from './app-config';
import { APP_CONFIG, CONFIG_DEFAULTS, REQUIRED_CONFIG_KEYS } from './config.constants';
import { applyDotEnvFile, loadConfig } from './load-config';

/**
 * The validated configuration as a global Nest module: `imports: [AppConfigModule.forRoot()]` once in an app's root
 * module, then `@Inject(APP_CONFIG) config: AppConfig` anywhere. Loading happens when the module is built, so a bad
 * environment stops the boot with `InvalidConfigError` before anything connects.
 */
@Global()
@Module({})
export class AppConfigModule {
  /**
   * @param overrides tests pass a config here. With every required value (`databaseUrl`, `redisUrl`, `dataKey`,
   * `adminToken`) it is completed with the defaults and the environment is not read at all; otherwise the
   * environment (`./.env` included) is loaded and `overrides` replace single values of it.
   */
  static forRoot(overrides?: Partial<AppConfig>): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useFactory: () => resolveConfig(overrides) }],
      exports: [APP_CONFIG],
    };
  }
}

/**
 * The config `AppConfigModule.forRoot(overrides)` provides (see there); usable outside Nest (CLI, scripts).
 *
 * @throws InvalidConfigError when the environment is read and is invalid.
 */
export function resolveConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const complete = REQUIRED_CONFIG_KEYS.every((key) => overrides[key] !== undefined);
  if (complete) return { ...CONFIG_DEFAULTS, ...overrides } as AppConfig;
  const fromFile = applyDotEnvFile();
  if (fromFile.length > 0) new Logger(AppConfigModule.name).log(`read ${fromFile.length} variables from ./.env`);
  return { ...loadConfig(process.env), ...overrides };
}
