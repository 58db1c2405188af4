/**
 * `npm run bench:memory`: memory of the local engine over many consecutive recognitions in one process, to see
 * whether ONNX Runtime or our code leaks. Renders a small set of generated ID cards (fronts and backs at several
 * degradation levels), then recognizes them round-robin `--count` times (default 5000), sampling every `--every`
 * (100) recognitions: RSS, V8 heap used, `external` (memory of JS objects held outside the V8 heap, e.g. the
 * Float32Arrays of ONNX tensors) and `native` = RSS − V8 heap total − external (ONNX Runtime's own allocations,
 * sharp/libvips caches, code). Prints a table and the slope of each series over the second half of the run
 * (least squares, MB per 1000 recognitions): the first half includes warm-up (arenas, caches growing to their
 * working size), so growth that persists in the second half beyond noise means a leak.
 * Flags: --count, --every, --seed, --json FILE (machine-readable results, read by `npm run bench`).
 * Figures, not a test.
 */
import { writeFile } from 'node:fs/promises';
import type { Level } from '../test/fixtures/degrade';
import type { SpecimenKind } from '../test/fixtures/manifest';
import { renderSpecimen } from '../test/fixtures/specimens';
import { flags, loadService } from './engine';

const KINDS: readonly SpecimenKind[] = ['id-front', 'id-back'];
const LEVELS: readonly Level[] = ['clean', 'scan', 'tilt', 'photo', 'jpeg'];
const MB = 1024 * 1024;

/** One sample, sizes in MB. */
export interface MemorySample {
  recognitions: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  nativeMb: number;
}

/** What `--json` writes. */
export interface MemoryResults {
  count: number;
  images: number;
  seconds: number;
  peakRssMb: number;
  samples: MemorySample[];
  /** Least-squares slope over the second half of the samples, MB per 1000 recognitions. */
  slopeMbPer1000: { rss: number; heapUsed: number; external: number; native: number };
}

async function main() {
  const opts = flags(process.argv.slice(2), { count: '5000', every: '100', seed: '11', json: '' });
  const count = Number(opts.count);
  const every = Number(opts.every);
  if (!(count > 0 && every > 0)) throw new Error('--count and --every must be positive');
  const images: { cardType: number; data: Buffer }[] = [];
  for (const [i, level] of LEVELS.entries()) {
    for (const kind of KINDS) {
      const s = await renderSpecimen({ kind, level, seed: Number(opts.seed) + i });
      if (s.entry.cardType !== null) images.push({ cardType: s.entry.cardType, data: s.data });
    }
  }
  const { service } = await loadService();
  const samples: MemorySample[] = [sample(0)];
  console.log(`${count} recognitions of ${images.length} generated ID card images, sampled every ${every}`);
  console.log('recognitions   rss MB  heapUsed MB  external MB  native MB   s');
  printRow(samples[0], 0);
  const t0 = performance.now();
  for (let i = 1; i <= count; i++) {
    const image = images[(i - 1) % images.length];
    const report = await service.recognize(image.cardType, image.data);
    if (report.errorCode !== 0 && report.errorCode !== 215305) throw new Error(`unexpected ${report.errorCode}`);
    if (i % every === 0 || i === count) {
      const s = sample(i);
      samples.push(s);
      printRow(s, (performance.now() - t0) / 1000);
    }
  }
  const results: MemoryResults = {
    count,
    images: images.length,
    seconds: Math.round((performance.now() - t0) / 1000),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
    samples,
    slopeMbPer1000: {
      rss: secondHalfSlope(samples, (s) => s.rssMb),
      heapUsed: secondHalfSlope(samples, (s) => s.heapUsedMb),
      external: secondHalfSlope(samples, (s) => s.externalMb),
      native: secondHalfSlope(samples, (s) => s.nativeMb),
    },
  };
  const slope = results.slopeMbPer1000;
  console.log(`peak RSS ${results.peakRssMb} MB; ${results.seconds} s`);
  console.log(
    `slope over the second half (MB per 1000 recognitions): rss ${slope.rss}, heapUsed ${slope.heapUsed}, ` +
      `external ${slope.external}, native ${slope.native}`,
  );
  if (opts.json) await writeFile(opts.json, `${JSON.stringify(results, null, 2)}\n`);
}

function sample(recognitions: number): MemorySample {
  const m = process.memoryUsage();
  return {
    recognitions,
    rssMb: round(m.rss / MB),
    heapUsedMb: round(m.heapUsed / MB),
    externalMb: round(m.external / MB),
    nativeMb: round((m.rss - m.heapTotal - m.external) / MB),
  };
}

function printRow(s: MemorySample, seconds: number) {
  const cols = [s.rssMb, s.heapUsedMb, s.externalMb, s.nativeMb].map((v) => v.toFixed(1).padStart(11));
  console.log(`${String(s.recognitions).padStart(12)} ${cols.join('')} ${seconds.toFixed(0).padStart(5)}`);
}

/** Least-squares slope of `value` against `recognitions` over the second half of `samples`, MB per 1000. */
export function secondHalfSlope(samples: readonly MemorySample[], value: (s: MemorySample) => number): number {
  const half = samples.slice(Math.floor(samples.length / 2));
  if (half.length < 2) return Number.NaN;
  const xs = half.map((s) => s.recognitions);
  const ys = half.map(value);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? round((num / den) * 1000) : Number.NaN;
}

const round = (v: number): number => Math.round(v * 10) / 10;

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
