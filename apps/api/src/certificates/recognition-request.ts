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
  image: RawImage;
}

export interface ValidRecognitionRequest {
  cardType: number;
  userid: string | undefined;
  returnOrderId: boolean;
  detail: boolean;
  image: Buffer;
  mime: string;
}

/** Longest `userid` kept; Juhe documents no limit, this only bounds what a client can make us store. */
export const MAX_USERID_LENGTH = 128;

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
  const userid = param('userid', body, query);
  return {
    key: param('key', body, query),
    cardType: param('cardType', body, query)?.trim(),
    userid: userid === undefined || userid === '' ? undefined : userid.slice(0, MAX_USERID_LENGTH),
    returnOrderId: param('orderid', body, query)?.trim() === '1',
    detail: param('detail', body, query)?.trim() === '1',
    image,
  };
}
