/**
 * `npm run bench:quality`: false-positive and false-negative rates of each quality signal of `_detail.quality`
 * (libs/recognition/src/quality) on generated documents. Positives: for each signal, clean specimens made to show it
 * (`test/fixtures/quality-variants.ts`; `rotated`: the rot90/rot270/exif levels). Negatives: the clean, scan,
 * photo and jpeg levels, on which no signal but `rotated` should fire (photo-level skew stays under its threshold).
 * Flags: --per-kind (specimens per kind, default 4), --kinds (default every registered ID and vehicle kind),
 * --seed, --json FILE (read by `npm run bench`), --measures 1 (print every image's raw measures, for calibration).
 * Figures, not a test.
 */
import { writeFile } from 'node:fs/promises';
import type { QualityAssessment, QualitySignal } from '@zhengjian/recognition';
import type { Level } from '../test/fixtures/degrade';
import { KIND_ALIASES, KINDS, type SpecimenKind } from '../test/fixtures/manifest';
import { QUALITY_VARIANTS, VARIANT_SIGNAL, qualityVariant } from '../test/fixtures/quality-variants';
import { renderSpecimen } from '../test/fixtures/specimens';
import { benchKinds } from './accuracy';
import { flags, loadService, pct, selectNames } from './engine';
import { progressLine, writeProgress } from './progress';

const SIGNALS: readonly QualitySignal[] = [...new Set(QUALITY_VARIANTS.map((v) => VARIANT_SIGNAL[v])), 'rotated'];
const NEGATIVE_LEVELS: readonly Level[] = ['clean', 'scan', 'photo', 'jpeg'];
const ROTATED_LEVELS: readonly Level[] = ['rot90', 'rot270', 'exif'];
/** Scene types: photos of a plate or a VIN, not documents. */
const SCENE_KINDS = new Set<string>(['plate', 'vin']);

/** One signal's rates: `fp` of `negatives` fired it, `fn` of `positives` missed it. */
export interface SignalRates {
  signal: QualitySignal;
  positives: number;
  fn: number;
  negatives: number;
  fp: number;
}

export interface QualityResults {
  seed: number;
  kinds: string[];
  /** Images the engine did not read (no `_detail`), by case; they count in no rate. */
  unread: number;
  signals: SignalRates[];
  /** Mean score per case (clean levels and each variant). */
  scores: Record<string, number>;
}

async function main() {
  const opts = flags(process.argv.slice(2), {
    'per-kind': '4',
    kinds: '',
    seed: '20261130',
    json: '',
    measures: '0',
  });
  const all = benchKinds().kinds.filter((k) => !SCENE_KINDS.has(k));
  const kinds = selectNames(opts.kinds, all, 'kind', KIND_ALIASES);
  const { service } = await loadService();
  const rates = new Map<QualitySignal, SignalRates>(
    SIGNALS.map((s) => [s, { signal: s, positives: 0, fn: 0, negatives: 0, fp: 0 }]),
  );
  const scores = new Map<string, number[]>();
  let unread = 0;
  const perKind = Number(opts['per-kind']);
  let done = 0;
  const started = performance.now();
  const total = kinds.length * perKind * (NEGATIVE_LEVELS.length + ROTATED_LEVELS.length + QUALITY_VARIANTS.length);
  const look = async (kind: SpecimenKind, data: Buffer, label: string): Promise<QualityAssessment | undefined> => {
    const report = await service.recognize(KINDS[kind]!, data, { detail: true });
    writeProgress(progressLine('recognizing', ++done, total, started));
    const quality = report.detail?.quality;
    if (!quality) {
      unread++;
      return undefined;
    }
    scores.set(label, [...(scores.get(label) ?? []), quality.score]);
    if (opts.measures === '1') {
      process.stderr.write(`\n${kind} ${label} ${quality.signals.join(',')} ${JSON.stringify(quality.measures)}\n`);
    }
    return quality;
  };
  for (const kind of kinds) {
    for (let i = 0; i < perKind; i++) {
      const seed = Number(opts.seed) + i;
      for (const level of [...NEGATIVE_LEVELS, ...ROTATED_LEVELS]) {
        const specimen = await renderSpecimen({ kind, level, seed });
        const quality = await look(kind, specimen.data, level);
        if (!quality) continue;
        for (const signal of SIGNALS) {
          const r = rates.get(signal)!;
          const positive = signal === 'rotated' && ROTATED_LEVELS.includes(level);
          if (positive) {
            r.positives++;
            if (!quality.signals.includes(signal)) r.fn++;
          } else if (NEGATIVE_LEVELS.includes(level)) {
            r.negatives++;
            if (quality.signals.includes(signal)) r.fp++;
          }
        }
      }
      const clean = (await renderSpecimen({ kind, level: 'clean', seed })).data;
      for (const variant of QUALITY_VARIANTS) {
        const quality = await look(kind, await qualityVariant(clean, variant, seed), variant);
        if (!quality) continue;
        const signal = VARIANT_SIGNAL[variant];
        const r = rates.get(signal)!;
        r.positives++;
        if (!quality.signals.includes(signal)) r.fn++;
      }
    }
  }
  process.stderr.write('\n');
  console.log(`quality signals on ${kinds.join(', ')} (${perKind} per kind); ${unread} images not read`);
  console.log('signal             positives  false-neg  negatives  false-pos');
  for (const r of rates.values()) {
    console.log(
      `${r.signal.padEnd(18)} ${String(r.positives).padStart(9)}  ${pct(r.fn, r.positives).padStart(9)}  ${String(r.negatives).padStart(9)}  ${pct(r.fp, r.negatives).padStart(9)}`,
    );
  }
  const meanScores: Record<string, number> = {};
  for (const [label, list] of scores) meanScores[label] = Math.round(list.reduce((a, b) => a + b, 0) / list.length);
  console.log(`\nmean quality score: ${JSON.stringify(meanScores)}`);
  if (opts.json) {
    const results: QualityResults = {
      seed: Number(opts.seed),
      kinds,
      unread,
      signals: [...rates.values()],
      scores: meanScores,
    };
    await writeFile(opts.json, `${JSON.stringify(results, null, 2)}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
