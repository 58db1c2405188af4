import { createHmac, hkdfSync } from 'node:crypto';

/** HKDF `info` of the image digest key: a key of its own, never the AES key of `DataCipher`. */
const INFO = 'zhengjian orders.image_sha256 hmac v1';

/**
 * The `orders.image_sha256` value: HMAC-SHA256 (hex, 64 characters) of the image bytes under a key derived from
 * `DATA_KEY` with HKDF-SHA256 (RFC 5869; no salt, info {@link INFO}). Equal images still give equal digests (what
 * the column is for: telling that two orders carried the same file), but someone reading the database without
 * `DATA_KEY` cannot test whether a known image was submitted, as a plain SHA-256 would let them.
 * Rows written before this change hold the plain SHA-256 of their image; nothing compares across the two.
 */
export class ImageDigest {
  private readonly key: Buffer;

  constructor(dataKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), INFO, 32));
  }

  /** HMAC-SHA256 of `image`, lowercase hex. */
  of(image: Buffer): string {
    return createHmac('sha256', this.key).update(image).digest('hex');
  }
}
