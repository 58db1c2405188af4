/** `@zhengjian/config`: the environment, validated once at boot into one typed `AppConfig`. */
export {
  LOG_LEVELS,
  PROVIDER_NAMES,
  RECOGNITION_PROVIDER_MODES,
  type AppConfig,
  type ProviderName,
  type RecognitionProviderMode,
} from './app-config';
export { AppConfigModule, resolveConfig } from './app-config.module';
export { APP_CONFIG, CONFIG_DEFAULTS, REQUIRED_CONFIG_KEYS } from './config.constants';
export { InvalidConfigError, describeBootError } from './config.errors';
export { ENV_VARIABLES } from './env.dto';
export { applyDotEnvFile, loadConfig, loadDatabaseUrl } from './load-config';
