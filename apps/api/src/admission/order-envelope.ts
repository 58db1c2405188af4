import { type JuheEnvelope, JuheErrorCode, SUCCESS_REASON, isJuheErrorCode, reasonFor } from '@zhengjian/juhe';
import type { OrderView } from '@zhengjian/orders';

/** The opt-in extension keys: the worker always stores `_detail`, `_crop` only when asked; each returned when asked. */
const DETAIL_KEY = '_detail';
const CROP_KEY = '_crop';

export interface OrderEnvelopeOptions {
  /** `detail=1` was sent. */
  detail: boolean;
  /** `crop=1` was sent. */
  crop?: boolean;
  /** Append `orderid`/`userid` to the result as Juhe does (default true; the async API has them beside it). */
  echo?: boolean;
}

/**
 * The Juhe envelope of a finished order, from its row (the same shape `toEnvelope` gives the CLI): on success the
 * stored result's keys in order, then `orderid` (when the request had `orderid=1`), `userid` (when given), then
 * `_detail` and `_crop` when asked; on failure the row's code and reason with `result: null`.
 */
export function orderEnvelope(
  order: OrderView,
  stored: Record<string, unknown> | null,
  options: OrderEnvelopeOptions,
): JuheEnvelope<Record<string, unknown>> {
  const code = order.errorCode ?? JuheErrorCode.InternalError;
  if (code !== JuheErrorCode.Success || !stored) {
    const failure = code === JuheErrorCode.Success ? JuheErrorCode.InternalError : code;
    const reason = order.reason ?? (isJuheErrorCode(failure) ? reasonFor(failure) : String(failure));
    return { error_code: failure, reason, result: null };
  }
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (key !== DETAIL_KEY && key !== CROP_KEY && key !== 'orderid' && key !== 'userid') result[key] = value;
  }
  const echo = options.echo ?? true;
  if (echo && order.returnOrderId) result.orderid = order.orderid;
  if (echo && order.userid !== null) result.userid = order.userid;
  if (options.detail && stored[DETAIL_KEY] !== undefined) result[DETAIL_KEY] = stored[DETAIL_KEY];
  if (options.crop && stored[CROP_KEY] !== undefined) result[CROP_KEY] = stored[CROP_KEY];
  return { error_code: JuheErrorCode.Success, reason: SUCCESS_REASON, result };
}
