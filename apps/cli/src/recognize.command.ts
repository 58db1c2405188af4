import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { OcrEngine } from '@zhengjian/ocr';
import { RecognitionService, toEnvelope } from '@zhengjian/recognition';
import { createRecognitionService } from './recognition.factory';
import { UsageError } from './usage.error';

export interface RecognizeCommandOptions {
  cardType: number;
  detail: boolean;
  files: string[];
}

/**
 * `recognize`: one Juhe envelope per input file on stdout (JSON Lines, input order), models loaded once.
 * Progress goes to stderr, one line per file, when more than one file is given. A failed recognition is a
 * result (its envelope), not an error: the exit code is 0 once every file got an envelope.
 */
export async function runRecognize(opts: RecognizeCommandOptions, out: NodeJS.WritableStream = process.stdout) {
  for (const file of opts.files) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`not a readable file: ${file}`);
  }
  const loadStarted = performance.now();
  const service: RecognitionService = createRecognitionService(await OcrEngine.create());
  const progress = opts.files.length > 1;
  if (progress) log(`models loaded in ${Math.round(performance.now() - loadStarted)} ms; ${opts.files.length} files`);
  for (const [i, file] of opts.files.entries()) {
    const report = await service.recognize(opts.cardType, await readFile(file), { detail: opts.detail });
    out.write(`${JSON.stringify(toEnvelope(report))}\n`);
    if (progress) {
      log(
        `[${i + 1}/${opts.files.length}] ${basename(file)}: error_code ${report.errorCode} in ${Math.round(report.timings.totalMs)} ms`,
      );
    }
  }
}

function log(line: string) {
  process.stderr.write(`recognize: ${line}\n`);
}
