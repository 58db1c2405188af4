/**
 * MRZ accuracy on real specimen documents (PassportEye's test data, MIT; test/fixtures/mrz-specimens/README.md):
 * runs the OCR engine and `readMrz` over each image and prints, per specimen and per pass (`lines`: the OCR lines
 * only; `reread`: the second recognition pass only; `both`: check digits decide between them), which MRZ lines are
 * exactly right, then the share of lines exactly right. Then the same share on generated MRZ bands (invented data,
 * test/fixtures/mrz-band.ts) under each degradation level of the fixture generator (`--no-generated` skips them).
 *   npm run bench:mrz [-- --no-generated]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage, OcrEngine, type RgbImage } from '@zhengjian/ocr';
import { readMrz, type ReadMrzOptions } from '@zhengjian/travel-permit';
import { degrade, type Level } from '../test/fixtures/degrade';
import { renderMrzBand, sampleMrzZones } from '../test/fixtures/mrz-band';
import { createRng } from '../test/fixtures/prng';

const DIR = join(__dirname, '..', 'test', 'fixtures', 'mrz-specimens');
const PASSES: NonNullable<ReadMrzOptions['passes']>[] = ['lines', 'reread', 'both'];

interface Specimen {
  file: string;
  mrz_lines: string[];
}

async function main(): Promise<void> {
  const specimens = JSON.parse(readFileSync(join(DIR, 'ground_truth.json'), 'utf8')) as Specimen[];
  const engine = await OcrEngine.create({ threads: 2 });
  const right: Record<string, number> = { lines: 0, reread: 0, both: 0 };
  let total = 0;
  for (const s of specimens) {
    const { rgb } = await decodeImage(readFileSync(join(DIR, s.file)));
    const t0 = performance.now();
    const page = await engine.read(rgb);
    const ocrMs = performance.now() - t0;
    total += s.mrz_lines.length;
    const cells: string[] = [];
    for (const passes of PASSES) {
      const t1 = performance.now();
      const mrz = await readMrz(page, { engine, image: rgb, passes, referenceDate: new Date('2026-01-01') });
      const ms = performance.now() - t1;
      const ok = s.mrz_lines.map((l, i) => mrz?.lines[i] === l);
      right[passes] += ok.filter(Boolean).length;
      cells.push(
        `${passes}: ${ok.map((o) => (o ? '✓' : '✗')).join('')} ${mrz?.valid ? 'valid' : 'INVALID'} ${ms.toFixed(0)} ms`,
      );
      if (passes === 'both')
        ok.forEach((o, i) => {
          if (!o)
            console.log(`    line ${i + 1}: got ${mrz?.lines[i] ?? '(none)'}\n            want ${s.mrz_lines[i]}`);
        });
    }
    console.log(`${s.file.padEnd(26)} ocr ${ocrMs.toFixed(0)} ms | ${cells.join(' | ')}`);
  }
  for (const passes of PASSES)
    console.log(
      `${passes.padEnd(6)}: ${right[passes]}/${total} MRZ lines exactly right (${((100 * right[passes]) / total).toFixed(1)} %)`,
    );
  if (!process.argv.includes('--no-generated')) await generated(engine);
}

const ZONES = sampleMrzZones();
const LEVELS: Level[] = ['clean', 'scan', 'blur', 'noise', 'jpeg', 'dim', 'tilt', 'perspective', 'photo'];

/** Generated bands × degradation levels: per level, which lines of each zone are exact (pass `both`). */
async function generated(engine: OcrEngine): Promise<void> {
  console.log(`\ngenerated bands (invented data), pass both:`);
  let right = 0;
  let total = 0;
  for (const level of LEVELS) {
    const cells: string[] = [];
    for (const [name, lines] of ZONES) {
      const image = await degraded(renderMrzBand(lines), level);
      const mrz = await readMrz(await engine.read(image), { engine, image });
      const ok = lines.map((l, i) => mrz?.lines[i] === l);
      right += ok.filter(Boolean).length;
      total += lines.length;
      cells.push(`${name} ${ok.map((o) => (o ? '✓' : '✗')).join('')}`);
    }
    console.log(`${level.padEnd(12)} ${cells.join(' | ')}`);
  }
  console.log(`generated: ${right}/${total} MRZ lines exactly right (${((100 * right) / total).toFixed(1)} %)`);
}

/** The band through one degradation level of the fixture generator (fixed seed). */
async function degraded(band: RgbImage, level: Level): Promise<RgbImage> {
  const rgba = Buffer.alloc(band.width * band.height * 4, 255);
  for (let i = 0, j = 0; j < band.data.length; i += 4, j += 3) band.data.copy(rgba, i, j, j + 3);
  const file = await degrade({ width: band.width, height: band.height, data: rgba }, level, createRng(7));
  return (await decodeImage(file.data)).rgb;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
