import { randomBytes } from 'node:crypto';

/** Random bytes of a webhook signing secret (256 bits, the HMAC-SHA256 block's worth of key material). */
const WEBHOOK_SECRET_BYTES = 32;

/** Prefix that makes a leaked secret recognisable in logs, code and secret scanners. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/**
 * A new webhook signing secret: `whsec_` + 64 lowercase hex characters. Receivers use the whole string, prefix
 * included, as the HMAC-SHA256 key (UTF-8).
 */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(WEBHOOK_SECRET_BYTES).toString('hex');
}

/** AES-GCM additional data of `api_keys.webhook_secret_enc`: binds the ciphertext to its key row. */
export function webhookSecretContext(apiKeyId: string): string {
  return `api_keys.webhook_secret:${apiKeyId}`;
}
