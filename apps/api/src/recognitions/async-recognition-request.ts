import { type RawImage, type RawRecognitionRequest, normalizeUserid, param } from '../admission/recognition-request';

/** The file part the image may come in, as on Juhe's `/certificates/query`. */
export const FILE_PART = 'pic';

/** Longest `Idempotency-Key` accepted; visible ASCII only, no spaces (it is stored and compared as sent). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** `POST /v1/recognitions` as received: the common fields plus `callbackUrl`. */
export interface AsyncRawRequest extends RawRecognitionRequest {
  callbackUrl: string | undefined;
}

type Params = Record<string, unknown> | undefined;

/**
 * Reads an async request from a JSON or multipart body: the key only from `X-Api-Key` (never the body or the query
 * string, where it would end up in logs), `detail` and `crop` as `true`, `1`, `"1"` or `"true"`. Never fails:
 * checks come later.
 */
export function readAsyncRequest(
  body: Params,
  files: Express.Multer.File[] | undefined,
  apiKey: string | undefined,
): AsyncRawRequest {
  const pic = files?.find((file) => file.fieldname === FILE_PART);
  const text = param('base64', body);
  const image: RawImage = pic
    ? { kind: 'file', bytes: pic.buffer }
    : text === undefined
      ? { kind: 'missing' }
      : { kind: 'base64', text };
  const callbackUrl = param('callbackUrl', body)?.trim();
  const flag = (name: string) => {
    const value = body?.[name];
    return value === true || value === 1 || ['1', 'true'].includes(param(name, body)?.trim() ?? '');
  };
  return {
    key: apiKey,
    cardType: param('cardType', body)?.trim(),
    userid: normalizeUserid(param('userid', body)),
    returnOrderId: false,
    detail: flag('detail'),
    crop: flag('crop'),
    image,
    callbackUrl: callbackUrl === '' ? undefined : callbackUrl,
  };
}

/** Whether an `Idempotency-Key` header value is acceptable. */
export function isValidIdempotencyKey(value: string): boolean {
  return IDEMPOTENCY_KEY.test(value);
}
