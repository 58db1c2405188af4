/**
 * `npm run bench:latency`: per-image latency of the local engine with models warm (p50/p95 ms, overall and per
 * cardType), model load time, and peak RSS; the per-job overhead of the worker's isolation (the same images through
 * an `EngineProcessPool` of one engine process, as the worker runs them, minus in-process); then the `tesseract` CLI
 * (chi_sim) on the same images when it is installed, for comparison.
 * The images cycle through every measured generator kind (`benchKinds`, one image each in turn) and, kind by kind,
 * through the levels photo, scan, tilt and jpeg: `--per-kind 8` gives each kind 2 images per level.
 * Flags: --count (images, default 30), --per-kind N (instead of --count: N images per measured kind),
 * --pool-count (images through the pool, default 10), --seed, --out, --json FILE (machine-readable results, read by
 * `npm run bench`). Figures, not a test: the machine is shared and noisy.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { EngineProcessPool } from '@zhengjian/engine';
import { generateSpecimens } from '../test/fixtures/specimens';
import { benchKinds } from './accuracy';
import type { RecognitionService } from '@zhengjian/recognition';
import { flags, loadService, quantile } from './engine';
import { progressLine, writeProgress } from './progress';

/** What `--json` writes; times in ms. */
export interface LatencyResults {
  images: number;
  loadMs: number;
  p50: number;
  p95: number;
  /** p50 of the process CPU time (`process.cpuUsage`, user + system, all threads) per recognition. */
  cpuP50: number;
  peakRssMb: number;
  /** Kinds the images cycle through. */
  kinds: number;
  byCardType: {
    cardType: number;
    images: number;
    p50: number;
    p95: number;
    cpuP50: number;
    /** Images of the `photo` level (hand-held phone photo) and their p50; null without any. */
    photoImages: number;
    photoP50: number | null;
  }[];
  /** In-process vs through the engine process pool, same images; `overheadP50` = pool p50 − in-process p50. */
  isolation: {
    images: number;
    inProcessP50: number;
    poolP50: number;
    /** p50 of (through the pool − in process), image by image. */
    overheadP50: number;
    /** p50 round trip of the same images to an engine process that does no OCR: the isolation's own cost. */
    roundTripP50: number;
    meanImageKb: number;
    poolStartMs: number;
  };
  tesseract: { p50: number; p95: number } | null;
}

const run = promisify(execFile);

async function main() {
  const opts = flags(process.argv.slice(2), {
    count: '30',
    'per-kind': '',
    'pool-count': '10',
    seed: '7',
    out: '.fixtures/bench-latency',
    json: '',
  });
  const kinds = benchKinds().kinds;
  const generating = performance.now();
  const manifest = await generateSpecimens({
    out: opts.out,
    count: opts['per-kind'] ? Number(opts['per-kind']) * kinds.length : Number(opts.count),
    seed: Number(opts.seed),
    levels: ['photo', 'scan', 'tilt', 'jpeg'],
    kinds,
    onProgress: (done, total) => writeProgress(progressLine('generating', done, total, generating)),
  });
  process.stderr.write('\n');
  const files = manifest.flatMap((e) =>
    e.cardType === null ? [] : [{ path: join(opts.out, e.file), cardType: e.cardType, level: e.level }],
  );
  const { service, loadMs } = await loadService();
  await service.recognize(files[0].cardType, await readFile(files[0].path)); // warm-up: first-run allocations

  const ours: number[] = [];
  const cpu: number[] = [];
  const runStarted = performance.now();
  for (const [i, f] of files.entries()) {
    const bytes = await readFile(f.path);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await service.recognize(f.cardType, bytes);
    ours.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    writeProgress(progressLine('recognizing', i + 1, files.length, runStarted));
  }
  process.stderr.write('\n');
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `images: ${files.length} generated documents of ${kinds.length} kinds (photo, scan, tilt, jpeg levels), ${process.env.UV_THREADPOOL_SIZE ?? 'default'} libuv threads`,
  );
  console.log(
    `zhengjian  load ${Math.round(loadMs)} ms   p50 ${Math.round(quantile(ours, 0.5))} ms   p95 ${Math.round(quantile(ours, 0.95))} ms   CPU p50 ${Math.round(quantile(cpu, 0.5))} ms/image   load ${loadavg()[0].toFixed(1)}   peak RSS ${Math.round(rssMb)} MB`,
  );

  const byCardType = [...new Set(files.map((f) => f.cardType))]
    .sort((a, b) => a - b)
    .map((cardType) => {
      const times = ours.filter((_, i) => files[i].cardType === cardType);
      const cpuTimes = cpu.filter((_, i) => files[i].cardType === cardType);
      const photos = ours.filter((_, i) => files[i].cardType === cardType && files[i].level === 'photo');
      return {
        cardType,
        images: times.length,
        p50: Math.round(quantile(times, 0.5)),
        p95: Math.round(quantile(times, 0.95)),
        cpuP50: Math.round(quantile(cpuTimes, 0.5)),
        photoImages: photos.length,
        photoP50: photos.length ? Math.round(quantile(photos, 0.5)) : null,
      };
    });
  for (const c of byCardType)
    console.log(
      `  cardType ${c.cardType}: ${c.images} images, p50 ${c.p50} ms, p95 ${c.p95} ms, CPU p50 ${c.cpuP50} ms; ${c.photoImages} photos, p50 ${c.photoP50 ?? '-'} ms`,
    );
  const isolation = await isolationOverhead(files.slice(0, Number(opts['pool-count'])), service);
  console.log(
    `isolation  ${isolation.images} images, in process then through one engine process: p50 ${isolation.inProcessP50} ms vs ${isolation.poolP50} ms, difference p50 ${isolation.overheadP50} ms; ` +
      `round trip without OCR ${isolation.roundTripP50} ms (${isolation.meanImageKb} KB images); pool start ${isolation.poolStartMs} ms`,
  );

  const tesseract = await tesseractTimes(files.map((f) => f.path));
  if (opts.json) {
    const results: LatencyResults = {
      images: files.length,
      kinds: kinds.length,
      loadMs: Math.round(loadMs),
      p50: Math.round(quantile(ours, 0.5)),
      p95: Math.round(quantile(ours, 0.95)),
      cpuP50: Math.round(quantile(cpu, 0.5)),
      peakRssMb: Math.round(rssMb),
      byCardType,
      isolation,
      tesseract: tesseract
        ? { p50: Math.round(quantile(tesseract, 0.5)), p95: Math.round(quantile(tesseract, 0.95)) }
        : null,
    };
    await writeFile(opts.json, `${JSON.stringify(results, null, 2)}\n`);
  }
  if (tesseract) {
    const p50 = quantile(tesseract, 0.5);
    console.log(
      `tesseract  (chi_sim, text only, no fields)   p50 ${Math.round(p50)} ms   p95 ${Math.round(quantile(tesseract, 0.95))} ms`,
    );
    console.log(`ratio      zhengjian p50 / tesseract p50 = ${(quantile(ours, 0.5) / p50).toFixed(2)}`);
  } else {
    console.log('tesseract  not installed (bash scripts/install-system-deps.sh installs it): no comparison');
  }
}

/**
 * What running a recognition in an engine process costs, two ways: the first images recognized in process and
 * through a one-process `EngineProcessPool` back to back (p50 of the per-image difference: the real cost, noisy on a
 * busy machine), and the pure round trip of the same images to an engine process that does no OCR (`echo-engine.ts`:
 * the IPC copy of the image and of a report with a portrait, stable).
 */
async function isolationOverhead(
  files: { path: string; cardType: number }[],
  service: RecognitionService,
): Promise<LatencyResults['isolation']> {
  const started = performance.now();
  const pool = await EngineProcessPool.start({ size: 1, timeoutMs: 600_000, recycleAfterJobs: 0 });
  const poolStartMs = Math.round(performance.now() - started);
  const inProcess: number[] = [];
  const pooled: number[] = [];
  const time = async (run: () => Promise<unknown>) => {
    const t0 = performance.now();
    await run();
    return performance.now() - t0;
  };
  try {
    await pool.recognize(files[0].cardType, await readFile(files[0].path)); // warm-up, as in process
    for (const f of files) {
      const bytes = await readFile(f.path);
      inProcess.push(await time(() => service.recognize(f.cardType, bytes)));
      pooled.push(await time(() => pool.recognize(f.cardType, bytes)));
    }
  } finally {
    await pool.close();
  }
  const echo = await EngineProcessPool.start({
    size: 1,
    timeoutMs: 60_000,
    recycleAfterJobs: 0,
    engineModule: join(__dirname, 'echo-engine.ts'),
  });
  const roundTrips: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      for (const f of files) {
        const bytes = await readFile(f.path);
        roundTrips.push(await time(() => echo.recognize(f.cardType, bytes)));
      }
    }
  } finally {
    await echo.close();
  }
  const sizes = await Promise.all(files.map(async (f) => (await readFile(f.path)).length));
  return {
    images: files.length,
    inProcessP50: Math.round(quantile(inProcess, 0.5)),
    poolP50: Math.round(quantile(pooled, 0.5)),
    overheadP50: Math.round(
      quantile(
        pooled.map((t, i) => t - inProcess[i]),
        0.5,
      ),
    ),
    roundTripP50: Math.round(quantile(roundTrips, 0.5) * 10) / 10,
    meanImageKb: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024),
    poolStartMs,
  };
}

async function tesseractTimes(paths: string[]): Promise<number[] | undefined> {
  try {
    const { stdout } = await run('tesseract', ['--list-langs']);
    if (!stdout.split('\n').includes('chi_sim')) return undefined;
  } catch {
    return undefined;
  }
  const times: number[] = [];
  const started = performance.now();
  for (const path of paths) {
    const t0 = performance.now();
    await run('tesseract', [path, 'stdout', '-l', 'chi_sim'], { maxBuffer: 1 << 20 });
    times.push(performance.now() - t0);
    writeProgress(progressLine('tesseract', times.length, paths.length, started));
  }
  process.stderr.write('\n');
  return times;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
