/**
 * Dev tool: prints the OCR lines of image files, and timings.
 *   npx tsx libs/ocr/scripts/read.ts FILE… [--repeat N] [--threads N]
 *   npx tsx libs/ocr/scripts/read.ts --sample [--repeat N]   (renders the 1000×640 eleven-line sample page)
 */
import { readFileSync } from 'node:fs';
import { decodeImage, OcrEngine, type RgbImage } from '@zhengjian/ocr';
import { renderTextImage, SAMPLE_LINES } from '../src/testing/text-image';

/** `--name value` options and the remaining positional arguments. */
function parseArgs(argv: readonly string[]): { files: string[]; options: Map<string, string> } {
  const files: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sample') options.set('sample', '1');
    else if (argv[i].startsWith('--')) options.set(argv[i].slice(2), argv[++i] ?? '');
    else files.push(argv[i]);
  }
  return { files, options };
}

async function main(): Promise<void> {
  const { files, options } = parseArgs(process.argv.slice(2));
  const repeat = Number(options.get('repeat') ?? 1);
  const threads = options.has('threads') ? Number(options.get('threads')) : undefined;
  const t0 = performance.now();
  const engine = await OcrEngine.create({ threads });
  console.log(`models loaded in ${(performance.now() - t0).toFixed(0)} ms`);
  const inputs: [string, RgbImage][] = options.has('sample')
    ? [['sample', renderTextImage(1000, 640, SAMPLE_LINES)]]
    : await Promise.all(
        files.map(async (f): Promise<[string, RgbImage]> => [f, (await decodeImage(readFileSync(f))).rgb]),
      );
  for (const [name, rgb] of inputs) {
    let page = await engine.read(rgb);
    const t1 = performance.now();
    for (let i = 0; i < repeat; i++) page = await engine.read(rgb);
    const ms = (performance.now() - t1) / repeat;
    console.log(
      `${name}: ${rgb.width}x${rgb.height} rotation=${page.rotation} ${page.lines.length} lines, ${ms.toFixed(0)} ms/read`,
    );
    for (const l of page.lines) {
      const box = l.box.map((p) => `${p.x},${p.y}`).join(' ');
      console.log(`  ${l.score.toFixed(3)}  ${l.text}  [${box}]`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
