import { createHmac } from 'node:crypto';

/** Headers of every delivery (lower case, as Node reports them to receivers). */
export const WEBHOOK_HEADERS = {
  timestamp: 'x-zhengjian-timestamp',
  signature: 'x-zhengjian-signature',
  delivery: 'x-zhengjian-delivery',
  attempt: 'x-zhengjian-attempt',
} as const;

/** Version tag of the signature scheme; a later scheme would be sent next to it (`v1=…,v2=…`). */
export const SIGNATURE_VERSION = 'v1';

/**
 * The `X-Zhengjian-Signature` value: `v1=` + hex HMAC-SHA256 keyed with the webhook secret (UTF-8, `whsec_` prefix
 * included) over `<timestamp>.<raw body>`. Signing the timestamp with the body lets receivers refuse replays of an
 * old delivery (they check the timestamp is recent).
 *
 * @param timestamp unix seconds, exactly as sent in `X-Zhengjian-Timestamp`.
 * @param rawBody the request body bytes as sent (UTF-8 JSON).
 */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
  return `${SIGNATURE_VERSION}=${hmac}`;
}

/** Unix seconds of `date`, the value of `X-Zhengjian-Timestamp`. */
export function unixSeconds(date: Date = new Date()): number {
  return Math.floor(date.getTime() / 1000);
}
