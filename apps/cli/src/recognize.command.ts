import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { OcrEngine } from '@zhengjian/ocr';
import { type JuheEnvelope, JuheErrorCode, errorEnvelope, reasonWithDetail } from '@zhengjian/juhe';
import { type RecognitionResult, type RecognitionService, toEnvelope } from '@zhengjian/recognition';
import { createRecognitionService } from '@zhengjian/engine';
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
    const readable =
      info?.isFile() &&
      (await access(file, constants.R_OK).then(
        () => true,
        () => false,
      ));
    if (!readable) throw new UsageError(`not a readable file: ${file}`);
  }
  const loadStarted = performance.now();
  const service: RecognitionService = createRecognitionService(await OcrEngine.create());
  const progress = opts.files.length > 1;
  if (progress) log(`models loaded in ${Math.round(performance.now() - loadStarted)} ms; ${opts.files.length} files`);
  for (const [i, file] of opts.files.entries()) {
    const started = performance.now();
    const envelope = await recognizeFile(service, file, opts);
    out.write(`${JSON.stringify(envelope)}\n`);
    if (progress) {
      const ms = Math.round(performance.now() - started);
      log(`[${i + 1}/${opts.files.length}] ${basename(file)}: error_code ${envelope.error_code} in ${ms} ms`);
    }
  }
}

/** One file's envelope. A file that passed the up-front check but fails to read (I/O error) answers 215306. */
async function recognizeFile(
  service: RecognitionService,
  file: string,
  opts: RecognizeCommandOptions,
): Promise<JuheEnvelope<RecognitionResult>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'read error';
    return errorEnvelope(
      JuheErrorCode.UploadFailed,
      reasonWithDetail(JuheErrorCode.UploadFailed, `cannot read the file: ${code}`),
    );
  }
  return toEnvelope(await service.recognize(opts.cardType, bytes, { detail: opts.detail }));
}

function log(line: string) {
  process.stderr.write(`recognize: ${line}\n`);
}
