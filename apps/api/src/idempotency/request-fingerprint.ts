import { createHash } from 'node:crypto';
import { parseCardType } from '@zhengjian/juhe';
import { decodeBase64Image } from '../admission/base64-image.decoder';
import type { RawImage } from '../admission/recognition-request';

/** The parts of an async request that make it "the same request". The API key is not one: rows are per key. */
export interface FingerprintInput {
  cardType: string | undefined;
  userid: string | undefined;
  callbackUrl: string | undefined;
  detail: boolean;
  crop: boolean;
  image: RawImage;
}

/**
 * SHA-256 (hex) of the normalised request: cardType as a number when it is one, userid, callbackUrl, detail, the
 * SHA-256 of the image bytes, and `crop` when true — so the same image sent as Base64 (with or without a `data:`
 * prefix, line breaks, URL-safe alphabet) or as the `pic` file is the same request. Nothing personal is kept: only
 * this hash is stored.
 */
export function requestFingerprint(input: FingerprintInput): string {
  const normalised = JSON.stringify([
    parseCardType(input.cardType) ?? input.cardType ?? null,
    input.userid ?? null,
    input.callbackUrl ?? null,
    input.detail,
    imageDigest(input.image),
    // Only when asked: a request without crop keeps the fingerprint it had before crop existed, so a retry of a key
    // stored then is still the same request.
    ...(input.crop ? ['crop'] : []),
  ]);
  return sha256(normalised);
}

function imageDigest(image: RawImage): string {
  switch (image.kind) {
    case 'missing':
      return 'missing';
    case 'file':
      return sha256(image.bytes);
    case 'base64': {
      const decoded = decodeBase64Image(image.text);
      // Undecodable text is refused later (215306/215307); its hash only has to be stable.
      return decoded.ok ? sha256(decoded.bytes) : `text:${sha256(image.text)}`;
    }
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
