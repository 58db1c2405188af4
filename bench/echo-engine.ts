/**
 * An engine process's stand-in for the isolation benchmark: no OCR, it answers at once with a report the size of a
 * real ID front's (a portrait of about 20 KB in Base64), so that a round trip measures what isolation itself costs
 * per job: copying the image to the engine process and the report back.
 */
import { JuheErrorCode, reasonFor } from '@zhengjian/juhe';
import type { ChildEngine } from '@zhengjian/engine';

const PORTRAIT = 'A'.repeat(20_000);

export function createEngine(): ChildEngine {
  return {
    recognize: (cardType) =>
      Promise.resolve({
        errorCode: JuheErrorCode.Success,
        reason: reasonFor(JuheErrorCode.Success),
        cardType,
        fields: { 姓名: '', 公民身份号码: '', 头像: PORTRAIT },
        timings: { decodeMs: 0, ocrMs: 0, totalMs: 0 },
      }),
  };
}
