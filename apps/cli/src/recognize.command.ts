import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { OcrEngine } from '@zhengjian/ocr';
import { type JuheEnvelope, JuheErrorCode, errorEnvelope, reasonWithDetail } from '@zhengjian/juhe';
import { type RecognitionResult, type RecognitionService, toEnvelope } from '@zhengjian/recognition';
import { createRecognitionService } from '@zhengjian/engine';
import { expandInputs } from './image-inputs';

/** The portrait's result key: base64 JPEG of the photo, on the card types that carry one. */
const PORTRAIT_KEY = '头像';

export interface RecognizeCommandOptions {
  cardType: number;
  detail: boolean;
  /** `--crop`: the result carries `_crop`, the rectified document (base64 JPEG). Default false. */
  crop?: boolean;
  /** `false` (`--no-portrait`): the result leaves out `头像`. */
  portrait: boolean;
  /** Files and directories, as given (a directory stands for its images, see `expandInputs`). */
  paths: string[];
}

/**
 * `recognize`: one Juhe envelope per image on stdout (JSON Lines, input order), models loaded once. Every path is
 * checked before the models load (a bad one is a `UsageError`, nothing recognized); directory entries that are not
 * images are named on stderr and skipped. Progress goes to stderr, one line per file, when there is more than one
 * file. A failed recognition is a result (its envelope), not an error: the exit code is 0 once every file got one.
 */
export async function runRecognize(opts: RecognizeCommandOptions, out: NodeJS.WritableStream = process.stdout) {
  const { files, skipped } = await expandInputs(opts.paths);
  for (const note of skipped) log(`skipped ${note}`);
  const loadStarted = performance.now();
  const service: RecognitionService = createRecognitionService(await OcrEngine.create());
  const progress = files.length > 1;
  if (progress) log(`models loaded in ${Math.round(performance.now() - loadStarted)} ms; ${files.length} files`);
  for (const [i, file] of files.entries()) {
    const started = performance.now();
    const envelope = await recognizeFile(service, file, opts);
    if (!opts.portrait && envelope.result) delete envelope.result[PORTRAIT_KEY];
    out.write(`${JSON.stringify(envelope)}\n`);
    if (progress) {
      const ms = Math.round(performance.now() - started);
      log(`[${i + 1}/${files.length}] ${basename(file)}: error_code ${envelope.error_code} in ${ms} ms`);
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
  return toEnvelope(await service.recognize(opts.cardType, bytes, { detail: opts.detail, crop: opts.crop === true }));
}

function log(line: string) {
  process.stderr.write(`recognize: ${line}\n`);
}
