/** `@zhengjian/access`: API keys (stored as hashes), quotas, IP rules and the checks that yield 100xx (`AccessPort`). */
export { ACCESS, API_KEY_BYTES, REDIS } from './access.constants';
export type { AccessPort, AuthorizedKey } from './access.port';
export { ApiKeyInputError } from './api-key-input.error';
export { AccessDeniedError } from './access-denied.error';
export { AccessModule } from './access.module';
export { AccessService } from './access.service';
export { ApiKeyUsageEntity } from './entities/api-key-usage.entity';
export { ApiKeyEntity, type ApiKeyStatus } from './entities/api-key.entity';
export { isIpDenied, normalizeIp } from './ip-denylist';
export { hashApiKey } from './keys/api-key.hash';
export type { ApiKeySummary, CreateApiKeyInput, CreatedApiKey, UpdateApiKeyInput } from './keys/api-key.types';
export { ApiKeysService } from './keys/api-keys.service';
export { WEBHOOK_SECRET_PREFIX, generateWebhookSecret, webhookSecretContext } from './keys/webhook-secret';
export { RedisModule } from './redis/redis.module';
