/**
 * `npm run bench:accuracy`: per-field exact-match rate of the local engine on generated documents, by cardType and
 * degradation level, plus portrait overlap (IoU) with the rendered photo. Covers every cardType the engine registers
 * that the fixture generator can render (a newly registered type with a generator kind gains rows by itself).
 * Prints progress with an estimate of the time left to stderr. Figures, not a test.
 * Flags: --per-level (images per kind and level, default 5: 160 images for two kinds), --seed, --out (where the
 * specimens are written), --json FILE (machine-readable results, read by `npm run bench`), --kinds (comma-separated
 * generator kinds, default every measured kind), --levels (comma-separated degradation levels, default all).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localCardTypes } from '@zhengjian/engine';
import { LEVELS, type Level } from '../test/fixtures/degrade';
import { KIND_ALIASES, KINDS, type SpecimenKind } from '../test/fixtures/manifest';
import { generateSpecimens } from '../test/fixtures/specimens';
import { flags, loadService, pct, selectNames } from './engine';
import { progressLine, writeProgress } from './progress';
import { boxIoU } from './iou';
import { levelGroup } from './level-groups';

/** One generator kind × level cell of `--json` (two kinds can share a cardType: 2008's 正本 and 副本). */
export interface AccuracyRow {
  cardType: number;
  kind: SpecimenKind;
  level: Level;
  images: number;
  /** Images answered with error_code 0. */
  envelopesOk: number;
  fields: number;
  exact: number;
  /** Mean portrait IoU over the images that have a portrait (a missed portrait counts 0); null without portraits. */
  portraitIoU: number | null;
}

/**
 * How well `_detail` confidences separate right fields from wrong ones: `threshold` is the confidence under which
 * 1 % of right fields fall (it keeps 99 % of them); `wrongBelow` is the share of wrong fields under it (the higher,
 * the more useful confidence is to route a field to a human). Empty fields count as wrong with confidence 0 only
 * when something was expected and nothing read.
 */
export interface ConfidenceSeparation {
  right: number;
  wrong: number;
  threshold: number;
  wrongBelow: number;
  /** Mean confidence of right and of wrong fields. */
  meanRight: number;
  meanWrong: number;
}

/** What `--json` writes. */
export interface AccuracyResults {
  seed: number;
  perLevel: number;
  /** Registered cardTypes the generator has no kind for (not measured). */
  notMeasured: number[];
  rows: AccuracyRow[];
  confidence: ConfidenceSeparation;
}

/** The generator kinds whose cardType the engine registers, and the registered cardTypes without a kind. */
export function benchKinds(): { kinds: SpecimenKind[]; notMeasured: number[] } {
  const supported = localCardTypes();
  const cardTypeOf = (k: SpecimenKind): number | null => KINDS[k];
  const kinds = (Object.keys(KINDS) as SpecimenKind[]).filter((k) => {
    const cardType = cardTypeOf(k);
    return cardType !== null && supported.includes(cardType);
  });
  const covered = new Set<number>(kinds.map((k) => cardTypeOf(k) ?? 0));
  return { kinds, notMeasured: supported.filter((c) => !covered.has(c)) };
}

interface Tally {
  images: number;
  fields: number;
  exact: number;
  envelopesOk: number;
  iouSum: number;
  iouCount: number;
}

async function main() {
  const opts = flags(process.argv.slice(2), {
    'per-level': '5',
    seed: '20261129',
    out: '.fixtures/bench-accuracy',
    json: '',
    kinds: '',
    levels: '',
  });
  const started = performance.now();
  const measured = benchKinds();
  const kinds = selectNames(opts.kinds, measured.kinds, 'kind', KIND_ALIASES);
  const notMeasured = measured.notMeasured;
  const levels = selectNames(opts.levels, LEVELS, 'level');
  if (!kinds.length || !levels.length)
    throw new Error(`no kind or level selected (kinds: ${measured.kinds.join(',')})`);
  const perLevel = Number(opts['per-level']);
  const count = perLevel * kinds.length * levels.length;
  const manifest = await generateSpecimens({
    out: opts.out,
    count,
    seed: Number(opts.seed),
    kinds,
    levels,
    onProgress: (done, total) => writeProgress(progressLine('generating', done, total, started)),
  });
  process.stderr.write(
    `\ngenerated ${manifest.length} specimens in ${opts.out} (${Math.round(performance.now() - started)} ms)\n`,
  );
  const { service } = await loadService();

  const byLevel = new Map<Level, Tally>(
    LEVELS.map((l) => [l, { images: 0, fields: 0, exact: 0, envelopesOk: 0, iouSum: 0, iouCount: 0 }]),
  );
  const byCell = new Map<string, Tally & { cardType: number; kind: SpecimenKind; level: Level }>();
  const byField = new Map<string, { n: number; exact: number }>();
  const misses: string[] = [];
  const rightConfidences: number[] = [];
  const wrongConfidences: number[] = [];
  const recognizing = performance.now();
  for (const [i, entry] of manifest.entries()) {
    if (entry.cardType === null) continue; // a page no cardType describes: nothing to score
    const report = await service.recognize(entry.cardType, await readFile(join(opts.out, entry.file)), {
      detail: true,
    });
    const level = byLevel.get(entry.level)!;
    const cellKey = `${entry.kind}/${entry.level}`;
    if (!byCell.has(cellKey))
      byCell.set(cellKey, { ...blank(), cardType: entry.cardType, kind: entry.kind, level: entry.level });
    const cell = byCell.get(cellKey)!;
    const before = { ...level };
    const tally = level;
    tally.images++;
    if (report.errorCode === 0) tally.envelopesOk++;
    for (const [key, expected] of Object.entries(entry.expected)) {
      const got = report.fields?.[key] ?? '';
      const field = byField.get(key) ?? { n: 0, exact: 0 };
      field.n++;
      tally.fields++;
      const confidence = report.detail?.fields[key]?.confidence ?? 0;
      if (expected !== '') (got === expected ? rightConfidences : wrongConfidences).push(confidence);
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
    for (const k of Object.keys(before) as (keyof Tally)[]) cell[k] += level[k] - before[k];
    writeProgress(progressLine('recognizing', i + 1, manifest.length, recognizing));
  }
  process.stderr.write('\n');
  print(byLevel, byField, misses);
  const confidence = separation(rightConfidences, wrongConfidences);
  console.log(
    `\nconfidence: ${confidence.right} right fields (mean ${confidence.meanRight}), ${confidence.wrong} wrong (mean ${confidence.meanWrong}); under ${confidence.threshold}, which keeps 99 % of right fields, fall ${(100 * confidence.wrongBelow).toFixed(1)} % of wrong ones`,
  );
  if (notMeasured.length) console.log(`\nregistered but no generator kind (not measured): ${notMeasured.join(', ')}`);
  if (opts.json) {
    const rows: AccuracyRow[] = [...byCell.values()]
      .sort(
        (a, b) =>
          a.cardType - b.cardType ||
          kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
          LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level),
      )
      .map((c) => ({
        cardType: c.cardType,
        kind: c.kind,
        level: c.level,
        images: c.images,
        envelopesOk: c.envelopesOk,
        fields: c.fields,
        exact: c.exact,
        portraitIoU: c.iouCount ? Math.round((c.iouSum / c.iouCount) * 1000) / 1000 : null,
      }));
    const results: AccuracyResults = { seed: Number(opts.seed), perLevel, notMeasured, rows, confidence };
    await writeFile(opts.json, `${JSON.stringify(results, null, 2)}\n`);
  }
}

function print(byLevel: Map<Level, Tally>, byField: Map<string, { n: number; exact: number }>, misses: string[]) {
  console.log('level        images  envelopes-0  fields  exact    portrait-IoU');
  const groups = { photos: blank(), slanted: blank(), turned: blank(), all: blank() };
  for (const [level, t] of byLevel) {
    if (!t.images) continue;
    console.log(
      `${level.padEnd(12)} ${String(t.images).padStart(6)}  ${pct(t.envelopesOk, t.images).padStart(11)}  ${String(t.fields).padStart(6)}  ${pct(t.exact, t.fields).padStart(6)}   ${t.iouCount ? (t.iouSum / t.iouCount).toFixed(2) : '-'}`,
    );
    for (const g of [groups[levelGroup(level)], groups.all]) add(g, t);
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

/** See {@link ConfidenceSeparation}. */
export function separation(right: readonly number[], wrong: readonly number[]): ConfidenceSeparation {
  const sorted = [...right].sort((a, b) => a - b);
  const threshold = sorted.length ? sorted[Math.floor(sorted.length * 0.01)]! : 0;
  const mean = (v: readonly number[]) =>
    v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 1000) / 1000 : 0;
  return {
    right: right.length,
    wrong: wrong.length,
    threshold: Math.round(threshold * 1000) / 1000,
    wrongBelow: wrong.length ? Math.round((wrong.filter((c) => c < threshold).length / wrong.length) * 1000) / 1000 : 0,
    meanRight: mean(right),
    meanWrong: mean(wrong),
  };
}

const blank = (): Tally => ({ images: 0, fields: 0, exact: 0, envelopesOk: 0, iouSum: 0, iouCount: 0 });
function add(into: Tally, t: Tally) {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
