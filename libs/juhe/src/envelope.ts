/**
 * The Juhe response envelope and the result object inside it (seed document, version 2025-03-29;
 * shared/spec/juhe-api.md "Envelope", shared/spec/card-types.md Decisions 1, 2 and 5).
 */
import { DETECTED_TYPE_KEY, findCardType, resultKeysFor } from './card-types';
import { JuheErrorCode, reasonFor } from './error-codes';
import { JuheError } from './juhe.errors';

/**
 * What every endpoint answers, always with HTTP 200. `result` is `null` on every non-zero `error_code`.
 * Property order matches Juhe's samples: `error_code`, `reason`, `result`.
 */
export interface JuheEnvelope<T> {
  error_code: number;
  reason: string;
  result: T | null;
}

/** A recognition result: Chinese keys in catalogue order, string values (`""` when not found). */
export type JuheResult = Record<string, string>;

/** Error codes that may appear in an error envelope (everything but 0). */
export type JuheFailureCode = Exclude<JuheErrorCode, typeof JuheErrorCode.Success>;

/** Request-level values appended after the document's fields, in this order. */
export interface ResultExtras {
  /** The order number (`JH` + 22 digits); pass it only when the caller sent `orderid=1`. */
  orderid?: string;
  /** The caller's `userid`, echoed back when it was sent. */
  userid?: string;
  /** For 101–104: the cardType the image was classified as (else read from `fields['证件类型']`). */
  detectedCardType?: number;
}

/** The `reason` of every success, verbatim; Juhe clients test for it. */
export const SUCCESS_REASON = '操作成功';

/** `{ error_code: 0, reason: "操作成功", result }`. */
export function successEnvelope<T>(result: T): JuheEnvelope<T> {
  return { error_code: JuheErrorCode.Success, reason: SUCCESS_REASON, result };
}

/**
 * An error envelope: `result` null, `reason` the table's text for `code` unless `reason` is given (use
 * `reasonWithDetail` to append an explanation without changing the table's text).
 */
export function errorEnvelope(code: JuheFailureCode, reason?: string): JuheEnvelope<never> {
  return { error_code: code, reason: reason ?? reasonFor(code), result: null };
}

/** 215303 for a catalogued cardType without a recognizer: `cardType error! (cardType 5 is not supported yet)`. */
export function notSupportedYetEnvelope(cardType: number): JuheEnvelope<never> {
  return envelopeFromError(JuheError.notSupportedYet(cardType));
}

/**
 * The envelope for a thrown {@link JuheError}: its code and its client-facing reason (the detail only when the
 * error exposes it). A `JuheError` with code 0 is a programming error and is answered as 10014.
 */
export function envelopeFromError(error: JuheError): JuheEnvelope<never> {
  if (error.code === JuheErrorCode.Success) return errorEnvelope(JuheErrorCode.InternalError);
  return { error_code: error.code, reason: error.reason, result: null };
}

function detectedTypeOf(cardType: number, fields: Readonly<Record<string, unknown>>, extras: ResultExtras) {
  if (findCardType(cardType)?.candidates === undefined) return undefined;
  if (extras.detectedCardType !== undefined) return extras.detectedCardType;
  const raw = Object.hasOwn(fields, DETECTED_TYPE_KEY) ? fields[DETECTED_TYPE_KEY] : undefined;
  return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/**
 * The `result` object for `cardType`: exactly the catalogue's keys in the catalogue's order, each value taken from
 * `fields` (`""` when absent or not a string), keys of `fields` outside the catalogue dropped; for 101–104 the
 * detected type's keys then `证件类型` (the detected code as a string); then `orderid`, then `userid`, when given.
 *
 * @throws RangeError when `cardType` is not catalogued, or is 101–104 without a detected type among its
 *   candidates: the caller validated cardType (215303) and classified (215308) before building a result.
 */
export function buildResult(
  cardType: number,
  fields: Readonly<Record<string, string | undefined>>,
  extras: ResultExtras = {},
): JuheResult {
  const detected = detectedTypeOf(cardType, fields, extras);
  const result: JuheResult = {};
  for (const key of resultKeysFor(cardType, detected)) {
    if (detected !== undefined && key === DETECTED_TYPE_KEY) {
      result[key] = String(detected);
      continue;
    }
    const value = Object.hasOwn(fields, key) ? fields[key] : undefined;
    result[key] = typeof value === 'string' ? value : '';
  }
  if (extras.orderid !== undefined) result.orderid = extras.orderid;
  if (extras.userid !== undefined) result.userid = extras.userid;
  return result;
}
