import { Command, InvalidArgumentError } from 'commander';
import { packageVersion } from './package-version';
import { useStderrLogging } from './stderr-logger';
import { registerKeysCommands } from './keys.command';
import { UsageError } from './usage.error';

useStderrLogging();

/**
 * A number is passed on, and one outside the catalogue (0, -1, 2.5, 99…) is answered 215303 per file, as the HTTP
 * API answers it; anything else (`two`, `2a`, empty) is a usage error (exit 2), caught before the models load.
 */
function cardTypeArg(value: string): number {
  if (!/^[+-]?\d{1,9}(?:\.\d+)?$/.test(value)) throw new InvalidArgumentError('a number is expected (e.g. 2)');
  return Number(value);
}

// A consumer that stops reading (`| head`) closes the pipe: stop quietly, as Unix tools do, instead of crashing.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command()
  .name('zhengjian')
  .description('zhengjian: Juhe-compatible recognition of Chinese certificates, run locally')
  .version(packageVersion(), '-V, --version', 'print the version')
  .exitOverride();

program
  .command('recognize')
  .description('Recognize image files (JPEG, PNG, WebP, BMP; ≤ 3 MB each); one Juhe envelope per file, JSON Lines')
  .requiredOption(
    '-c, --card-type <n>',
    'Juhe cardType, any of the catalogue (2 ID front, 3 ID back, 101–104 auto-classified, 13 passport, 2008 licence…)',
    cardTypeArg,
  )
  .option('-d, --detail', 'add result._detail: per-field confidence and pixel box, warnings, portrait box', false)
  .option('--crop', 'add result._crop: the document cut out and warped upright, base64 JPEG', false)
  .option('--no-portrait', 'leave the portrait (头像, base64 JPEG) out of the result')
  .argument('<paths...>', 'image files, answered in this order; a directory stands for its images, sorted by name')
  .action(async (paths: string[], opts: { cardType: number; detail: boolean; crop: boolean; portrait: boolean }) => {
    // Loaded on demand: the OCR stack (ONNX Runtime, sharp) is not needed by the `keys` commands.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, alias-free lazy load in CommonJS
    const { runRecognize } = require('./recognize.command') as typeof import('./recognize.command');
    await runRecognize({
      cardType: opts.cardType,
      detail: opts.detail,
      crop: opts.crop,
      portrait: opts.portrait,
      paths,
    });
  });

registerKeysCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 2;
  } else if (err && typeof err === 'object' && 'exitCode' in err && 'code' in err) {
    // commander already printed the message (or the help, exit code 0).
    process.exitCode = (err as { exitCode: number }).exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
});
