import { type JuheEnvelope, type ResultExtras, successEnvelope } from '@zhengjian/juhe';
import type { RecognitionReport } from './recognition.types';

/** A Juhe result object, with the opt-in `_detail` and `_crop` extensions when they were asked for. */
export type RecognitionResult = Record<string, unknown>;

/**
 * Juhe's `{ error_code, reason, result }` for a report: on success the catalogue's keys in order, then
 * `证件类型` (101–104), `orderid` and `userid` when given, then `_detail` and `_crop` when asked; on failure
 * `result: null`.
 */
export function toEnvelope(
  report: RecognitionReport,
  extras: Pick<ResultExtras, 'orderid' | 'userid'> = {},
): JuheEnvelope<RecognitionResult> {
  if (report.errorCode !== 0 || !report.fields) {
    return { error_code: report.errorCode, reason: report.reason, result: null };
  }
  // `fields` was built by `buildResult` when the report was made (keys in order, 证件类型): only extras are added.
  const result: RecognitionResult = { ...report.fields };
  if (extras.orderid !== undefined) result.orderid = extras.orderid;
  if (extras.userid !== undefined) result.userid = extras.userid;
  if (report.detail) result._detail = report.detail;
  if (report.crop) result._crop = report.crop;
  return successEnvelope(result);
}
