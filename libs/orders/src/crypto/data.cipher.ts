import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DataCipherError } from './data-cipher.error';

const ALGORITHM = 'aes-256-gcm';
/** 96-bit IVs are GCM's native size (NIST SP 800-38D §8.2); random per value, so no counter state to lose. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of the binary layout, and the `v1:` prefix of the text layout: lets a later key or algorithm coexist. */
const VERSION_1 = 0x01;
const TEXT_PREFIX = 'v1:';

/**
 * AES-256-GCM for personal data at rest (order images, results, webhook secrets) under `DATA_KEY`.
 *
 * Layouts (both authenticated; any change to a byte makes decryption fail):
 * - binary (bytea columns): `0x01 | iv (12) | tag (16) | ciphertext`
 * - text (text columns): `v1:` + Base64(`iv (12) | tag (16) | ciphertext`)
 *
 * `context` is bound as GCM additional data (AAD), e.g. `orders.result:<order uuid>`: a ciphertext copied into another
 * row or column does not decrypt there. Pass the same context to decrypt as to encrypt.
 */
export class DataCipher {
  private readonly key: Buffer;

  /** @throws RangeError unless `key` is exactly 32 bytes. */
  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError(`AES-256 needs a 32-byte key, got ${key.length} bytes`);
    this.key = Buffer.from(key);
  }

  /** Encrypts bytes into the binary layout (1 + 12 + 16 + n bytes). */
  encrypt(plain: Buffer, context = ''): Buffer {
    return Buffer.concat([Buffer.of(VERSION_1), this.seal(plain, context)]);
  }

  /** @throws DataCipherError when the blob is not a v1 binary value or fails authentication. */
  decrypt(blob: Buffer, context = ''): Buffer {
    if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION_1) {
      throw new DataCipherError('not an encrypted value (unknown version or truncated)');
    }
    return this.open(blob.subarray(1), context);
  }

  /** Encrypts a UTF-8 string into the text layout. */
  encryptText(text: string, context = ''): string {
    return TEXT_PREFIX + this.seal(Buffer.from(text, 'utf8'), context).toString('base64');
  }

  /** @throws DataCipherError when the value is not `v1:` text or fails authentication. */
  decryptText(value: string, context = ''): string {
    if (!value.startsWith(TEXT_PREFIX)) throw new DataCipherError('not an encrypted value (unknown version)');
    const sealed = Buffer.from(value.slice(TEXT_PREFIX.length), 'base64');
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new DataCipherError('not an encrypted value (truncated)');
    return this.open(sealed, context).toString('utf8');
  }

  /** `encryptText(JSON.stringify(value))`. */
  encryptJson(value: unknown, context = ''): string {
    return this.encryptText(JSON.stringify(value), context);
  }

  /** @throws DataCipherError as `decryptText`. */
  decryptJson<T = unknown>(value: string, context = ''): T {
    return JSON.parse(this.decryptText(value, context)) as T;
  }

  private seal(plain: Buffer, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  private open(sealed: Buffer, context: string): Buffer {
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch (cause) {
      throw new DataCipherError('encrypted value failed authentication (tampered, other key or other row)', { cause });
    }
  }
}
