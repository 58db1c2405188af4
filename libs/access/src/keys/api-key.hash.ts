import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a plaintext key, as stored in `api_keys.key_hash`. A fast unsalted hash is the right tool for
 * keys (not for passwords): they carry 128 random bits, so no dictionary or brute force applies, and the lookup on
 * every request stays one indexed equality match instead of a deliberately slow KDF per request.
 */
export function hashApiKey(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}
