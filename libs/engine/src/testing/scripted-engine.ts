/**
 * An engine for the pool's tests, loaded by an engine process in place of the OCR engine (no models): the image bytes
 * are a command. `hang` loops forever on the JS thread (as a stuck native call would block it), `throw` throws a
 * TypeError, `crash` kills its own process with SIGSEGV, `sleep` answers after 2 s; anything else is answered with a success report whose
 * fields name the process (`pid`) and echo the bytes, so a test can tell which process served which job.
 */
import { JuheErrorCode, reasonFor } from '@zhengjian/juhe';
import type { RecognitionReport } from '@zhengjian/recognition';
import type { ChildEngine } from '../isolated/engine-protocol';

export function createEngine(): ChildEngine {
  return {
    recognize(cardType: number, image: Buffer): Promise<RecognitionReport> {
      const command = image.toString('utf8');
      if (command === 'hang') for (;;);
      if (command === 'throw') throw new TypeError('scripted failure');
      if (command === 'crash') process.kill(process.pid, 'SIGSEGV');
      const wait = command === 'sleep' ? 2_000 : 0;
      const report: RecognitionReport = {
        errorCode: JuheErrorCode.Success,
        reason: reasonFor(JuheErrorCode.Success),
        cardType,
        fields: { pid: String(process.pid), echo: command },
        timings: { decodeMs: 0, ocrMs: 0, totalMs: 0 },
      };
      return new Promise((resolve) => setTimeout(() => resolve(report), wait));
    },
  };
}
