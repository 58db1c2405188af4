/**
 * Juhe upstream envelope → our report, for the `juhe` provider (issue 4 item 7; shared/spec/juhe-api.md).
 *
 * - 0: the result keeps exactly our catalogue's keys for the cardType, in its order (`buildResult`): missing keys
 *   become `""`, keys we do not know (Juhe's own `orderid`, fields Juhe may add later) are dropped, because our
 *   contract promises clients the exact key set per cardType. 101–104 need the detected type (`证件类型`, or
 *   the candidate whose keys the result matches best).
 * - 2153xx: passed through with the upstream's reason (the table's text when it sent none).
 * - 100xx: about the operator's Juhe account (bad appkey, quota), not about our client's key, so our client gets
 *   10014 and the code goes to `failureDetail` for the operator; the upstream's reason is not shown (it is about the
 *   operator's account, and "wrong key" would mislead a client whose own key is fine).
 * - anything else (unknown codes, a success without a result): 10014.
 */
import {
  DETECTED_TYPE_KEY,
  type JuheEnvelope,
  JuheErrorCode,
  buildResult,
  findCardType,
  findErrorCode,
  reasonFor,
  resultKeysFor,
} from '@zhengjian/juhe';
import { failedReport } from '../failed-report';
import type { RecognitionReport } from '../recognition.types';

/** The report without timings, plus what the provider should tell the operator. */
export interface MappedUpstream {
  report: Omit<RecognitionReport, 'timings'>;
  /** Set when the upstream answered an account (100xx) or unexpected code: the provider logs it as a warning. */
  operatorWarning?: string;
  /** Result keys the upstream sent that our catalogue does not have for this cardType (labels only, no values). */
  droppedKeys: string[];
}

/** Maps one upstream envelope for `cardType` (already catalogued, checked by the caller). */
export function mapUpstreamEnvelope(cardType: number, envelope: JuheEnvelope<Record<string, string>>): MappedUpstream {
  const code = envelope.error_code;
  if (code === JuheErrorCode.Success) return mapSuccess(cardType, envelope.result);
  const info = findErrorCode(code);
  if (info?.kind === 'service') {
    const failure = { code: info.code, reason: envelope.reason || info.reason, detail: `upstream error_code ${code}` };
    return { report: failedReport(cardType, failure), droppedKeys: [] };
  }
  const account = code >= 10000 && code < 11000;
  const detail = account ? `upstream account error ${code}` : `unexpected upstream error_code ${code}`;
  return { report: internalError(cardType, detail), operatorWarning: detail, droppedKeys: [] };
}

function mapSuccess(cardType: number, result: Record<string, string> | null): MappedUpstream {
  if (!result) {
    const detail = 'upstream success without a result object';
    return { report: internalError(cardType, detail), operatorWarning: detail, droppedKeys: [] };
  }
  const candidates = findCardType(cardType)?.candidates;
  const detected = candidates ? detectedType(candidates, result) : cardType;
  if (detected === undefined) {
    const detail = `upstream result for cardType ${cardType} does not say which type it detected`;
    return { report: internalError(cardType, detail), operatorWarning: detail, droppedKeys: [] };
  }
  const fields = buildResult(cardType, result, { detectedCardType: candidates ? detected : undefined });
  const droppedKeys = Object.keys(result).filter((key) => !Object.hasOwn(fields, key));
  const report = {
    errorCode: JuheErrorCode.Success,
    reason: reasonFor(JuheErrorCode.Success),
    cardType,
    detectedCardType: detected,
    fields,
  };
  return { report, droppedKeys };
}

/** `证件类型` when it names a candidate; else the candidate sharing the most keys with the result (ties: none). */
function detectedType(candidates: readonly number[], result: Record<string, string>): number | undefined {
  const said = Number(result[DETECTED_TYPE_KEY]);
  if (candidates.includes(said)) return said;
  const scored = candidates
    .map((code) => ({ code, score: resultKeysFor(code).filter((key) => Object.hasOwn(result, key)).length }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  return best && best.score > 0 && best.score !== second?.score ? best.code : undefined;
}

function internalError(cardType: number, detail: string): Omit<RecognitionReport, 'timings'> {
  return failedReport(cardType, { code: JuheErrorCode.InternalError, detail });
}
