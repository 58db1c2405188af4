/**
 * `npm run bench:accuracy`: per-field exact-match rate of the local engine on generated ID cards (cardType 2 and 3),
 * by degradation level, plus portrait overlap (IoU) with the rendered photo. Figures, not a test.
 * Flags: --count (images, default 140 = 10 per level), --seed, --out (where the specimens are written).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LEVELS, type Level } from '../test/fixtures/degrade';
import { generateSpecimens } from '../test/fixtures/specimens';
import { flags, loadService, pct } from './engine';
import { boxIoU } from './iou';

const TURNED: readonly Level[] = ['rot90', 'rot180', 'rot270', 'exif'];

interface Tally {
  images: number;
  fields: number;
  exact: number;
  envelopesOk: number;
  iouSum: number;
  iouCount: number;
}

async function main() {
  const opts = flags(process.argv.slice(2), { count: '140', seed: '20261129', out: '.fixtures/bench-accuracy' });
  const started = performance.now();
  const manifest = await generateSpecimens({ out: opts.out, count: Number(opts.count), seed: Number(opts.seed) });
  process.stderr.write(
    `generated ${manifest.length} specimens in ${opts.out} (${Math.round(performance.now() - started)} ms)\n`,
  );
  const { service } = await loadService();

  const byLevel = new Map<Level, Tally>(
    LEVELS.map((l) => [l, { images: 0, fields: 0, exact: 0, envelopesOk: 0, iouSum: 0, iouCount: 0 }]),
  );
  const byField = new Map<string, { n: number; exact: number }>();
  const misses: string[] = [];
  for (const [i, entry] of manifest.entries()) {
    if (entry.cardType === null) continue; // a page no cardType describes: nothing to score
    const report = await service.recognize(entry.cardType, await readFile(join(opts.out, entry.file)), {
      detail: true,
    });
    const tally = byLevel.get(entry.level)!;
    tally.images++;
    if (report.errorCode === 0) tally.envelopesOk++;
    for (const [key, expected] of Object.entries(entry.expected)) {
      const got = report.fields?.[key] ?? '';
      const field = byField.get(key) ?? { n: 0, exact: 0 };
      field.n++;
      tally.fields++;
      if (got === expected) {
        field.exact++;
        tally.exact++;
      } else {
        misses.push(
          `${entry.file} ${key}: expected ${JSON.stringify(expected)} got ${JSON.stringify(got)} (${report.errorCode})`,
        );
      }
      byField.set(key, field);
    }
    const portrait = report.detail?.portraitBox;
    if (entry.portraitBox && portrait) {
      tally.iouSum += boxIoU(portrait, entry.portraitBox);
      tally.iouCount++;
    } else if (entry.portraitBox) {
      tally.iouCount++;
    }
    process.stderr.write(`\r${i + 1}/${manifest.length}`);
  }
  process.stderr.write('\n');
  print(byLevel, byField, misses);
}

function print(byLevel: Map<Level, Tally>, byField: Map<string, { n: number; exact: number }>, misses: string[]) {
  console.log('level        images  envelopes-0  fields  exact    portrait-IoU');
  const groups = { photos: blank(), turned: blank(), all: blank() };
  for (const [level, t] of byLevel) {
    if (!t.images) continue;
    console.log(
      `${level.padEnd(12)} ${String(t.images).padStart(6)}  ${pct(t.envelopesOk, t.images).padStart(11)}  ${String(t.fields).padStart(6)}  ${pct(t.exact, t.fields).padStart(6)}   ${t.iouCount ? (t.iouSum / t.iouCount).toFixed(2) : '-'}`,
    );
    for (const g of [TURNED.includes(level) ? groups.turned : groups.photos, groups.all]) add(g, t);
  }
  console.log('');
  for (const [name, t] of Object.entries(groups)) {
    console.log(
      `${name.padEnd(7)} ${pct(t.exact, t.fields)} of ${t.fields} fields exact on ${t.images} images; portrait IoU ${t.iouCount ? (t.iouSum / t.iouCount).toFixed(2) : '-'}`,
    );
  }
  console.log('\nfield              exact');
  for (const [key, f] of byField) console.log(`${key.padEnd(12, '　')} ${pct(f.exact, f.n).padStart(7)} of ${f.n}`);
  if (misses.length) {
    console.log(`\nmisses (${misses.length}, synthetic data):`);
    for (const m of misses.slice(0, 60)) console.log(`  ${m}`);
  }
}

const blank = (): Tally => ({ images: 0, fields: 0, exact: 0, envelopesOk: 0, iouSum: 0, iouCount: 0 });
function add(into: Tally, t: Tally) {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
