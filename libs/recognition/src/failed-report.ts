import { type JuheErrorCode, reasonFor } from '@zhengjian/juhe';
import type { RecognitionReport } from './recognition.types';

/** What a failure says: a `JuheError` fits (its `reason` is the client-facing text, `detail` the operator's). */
export interface ReportedFailure {
  code: JuheErrorCode;
  /** The envelope's `reason`; default: the error-code table's text. */
  reason?: string;
  /** Why, for logs and the error history; never personal data. */
  detail?: string;
}

const NO_TIMINGS: RecognitionReport['timings'] = { decodeMs: 0, ocrMs: 0, totalMs: 0 };

/**
 * The report of a recognition that failed with `failure` (no fields): the one place failed reports are built, by the
 * local engine, the Juhe provider and its mapper, and the provider chain.
 *
 * @param timings milliseconds spent (all 0 when nothing ran).
 */
export function failedReport(
  cardType: number,
  failure: ReportedFailure,
  timings: RecognitionReport['timings'] = NO_TIMINGS,
): RecognitionReport {
  const report: RecognitionReport = {
    errorCode: failure.code,
    reason: failure.reason ?? reasonFor(failure.code),
    cardType,
    fields: null,
    timings: { ...timings },
  };
  if (failure.detail !== undefined) report.failureDetail = failure.detail;
  return report;
}
