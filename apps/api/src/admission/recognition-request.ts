/**
 * A recognition request as received (raw) and once validated. Reading the raw request never fails: checks happen
 * later, in the contract's order (maintenance, then the key, then the request itself).
 */

/** The image as it came in: a `base64` text parameter or the `pic` file part. */
export type RawImage = { kind: 'base64'; text: string } | { kind: 'file'; bytes: Buffer } | { kind: 'missing' };

export interface RawRecognitionRequest {
  key: string | undefined;
  /** `cardType` as sent (validated later: 215303). */
  cardType: string | undefined;
  userid: string | undefined;
  /** `orderid=1`: the result carries the order number. */
  returnOrderId: boolean;
  /** `detail=1`: the result carries `_detail` (opt-in extension). */
  detail: boolean;
  /** `crop=1`: the result carries `_crop`, the rectified document as JPEG Base64 (opt-in extension). */
  crop: boolean;
  image: RawImage;
}

export interface ValidRecognitionRequest {
  cardType: number;
  userid: string | undefined;
  returnOrderId: boolean;
  detail: boolean;
  crop: boolean;
  image: Buffer;
  mime: string;
}

/** Longest `userid` kept; Juhe documents no limit, this only bounds what a client can make us store. */
export const MAX_USERID_LENGTH = 128;

/** A UTF-16 surrogate without its other half (a JSON `\ud800` escape can send one). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The `userid` as it is stored and echoed: NUL characters (U+0000) removed, then at most {@link MAX_USERID_LENGTH}
 * UTF-16 units kept, never half of a surrogate pair (a character outside the BMP that the cut would split is left
 * out whole), and a lone surrogate sent as such replaced by U+FFFD; empty (also after removing NULs) means none.
 * Never refuses: Juhe has no error code for a bad `userid` (it is the caller's own opaque reference), and every
 * other character is kept as sent.
 *
 * Decision: NUL is dropped rather than refused because PostgreSQL `text` cannot hold U+0000 (the order insert would
 * fail with 10014 / HTTP 500 after the key's quota was spent), while a refusal would need a code Juhe does not have;
 * other control characters are storable and kept. A lone surrogate has no UTF-8 form: PostgreSQL would store U+FFFD
 * in its place, so the echo, the webhook and `GET /v1/recognitions` would disagree unless it is replaced here.
 * Applied when the request is read, before anything is counted.
 */
export function normalizeUserid(userid: string | undefined): string | undefined {
  if (userid === undefined) return undefined;
  let kept = userid.replaceAll('\u0000', '').slice(0, MAX_USERID_LENGTH + 1);
  kept = kept.replace(LONE_SURROGATE, '\uFFFD');
  if (kept.length > MAX_USERID_LENGTH) {
    const cut = kept.slice(0, MAX_USERID_LENGTH);
    kept = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  }
  return kept === '' ? undefined : kept;
}

type Params = Record<string, unknown> | undefined;

/** First string value of a parameter (query strings may repeat a name), body before query string. */
export function param(name: string, ...sources: Params[]): string | undefined {
  for (const source of sources) {
    if (!source || typeof source !== 'object') continue;
    const value = source[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  }
  return undefined;
}

/** Reads the common parameters from the body and the query string (`key` may be in either, as Juhe clients do). */
export function readRawRequest(body: Params, query: Params, image: RawImage): RawRecognitionRequest {
  return {
    key: param('key', body, query),
    cardType: param('cardType', body, query)?.trim(),
    userid: normalizeUserid(param('userid', body, query)),
    returnOrderId: param('orderid', body, query)?.trim() === '1',
    detail: param('detail', body, query)?.trim() === '1',
    crop: param('crop', body, query)?.trim() === '1',
    image,
  };
}
