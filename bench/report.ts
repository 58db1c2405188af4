/**
 * `npm run bench`: runs the accuracy, latency, memory and quality benchmarks one after the other (each in its own
 * process, so one's memory does not weigh on the next), reads their JSON results and writes `BENCHMARKS.md` at the
 * repository root with the chart `docs/bench/accuracy-by-level.png` (Chart.js drawn on @napi-rs/canvas). Each
 * benchmark prints its progress with the time left to stderr.
 * Flags: `--quick` (small counts: a smoke run, figures too small to quote); default: the sizes the report quotes.
 * `--render` writes the report again from the last run's results (`.fixtures/bench/<quick|full>/*.json`) without
 * running anything.
 *
 * Run time of the full run (34 kinds, 16 levels), estimated from the CPU time per image of each generator kind: about
 * 30 min on 2 quiet cores — accuracy ≈ 15 min (2 images per kind and level: 1088 images, generation included),
 * latency ≈ 5 min (4 images per kind, one of them a phone photo, each also through tesseract), quality ≈ 5 min (one
 * seed per kind: 16 images each), memory ≈ 1 min. `--quick` takes about 10 min. Busy cores stretch these with the
 * load; the progress lines' time left tells early.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { AccuracyResults } from './accuracy';
import type { LatencyResults } from './latency';
import type { MemoryResults } from './memory';
import type { QualityResults } from './quality';
import { drawAccuracyChart } from './report-chart';
import { renderReport } from './report-markdown';

const ROOT = join(__dirname, '..');
export const CHART_PATH = 'docs/bench/accuracy-by-level.png';

/**
 * Accuracy images per kind and level; latency images per kind (photo, scan, tilt, jpeg in turn: 6 gives 2 photos);
 * images through the engine process pool; memory recognitions and sampling; quality seeds per kind, and the kinds
 * (empty: every one).
 */
const SIZES = {
  quick: {
    perLevel: 1,
    latency: 1,
    pool: 3,
    memory: 40,
    every: 10,
    quality: 1,
    qualityKinds: 'id-front,driving-main,passport,business-licence',
  },
  full: { perLevel: 2, latency: 4, pool: 10, memory: 200, every: 20, quality: 1, qualityKinds: '' },
} as const;

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--quick' && a !== '--render');
  if (unknown.length) throw new Error(`usage: npm run bench [-- --quick] [--render] (unknown: ${unknown.join(' ')})`);
  const mode = args.includes('--quick') ? 'quick' : 'full';
  const size = SIZES[mode];
  const out = join(ROOT, '.fixtures', 'bench', mode);
  await mkdir(out, { recursive: true });
  const json = (name: string) => join(out, `${name}.json`);
  const started = Date.now();

  if (!args.includes('--render')) {
    await bench('accuracy', ['--per-level', String(size.perLevel), '--json', json('accuracy')]);
    const latencyArgs = [
      '--per-kind',
      String(size.latency),
      '--pool-count',
      String(size.pool),
      '--json',
      json('latency'),
    ];
    await bench('latency', latencyArgs);
    await bench('memory', ['--count', String(size.memory), '--every', String(size.every), '--json', json('memory')]);
    const qualityKinds = size.qualityKinds ? ['--kinds', size.qualityKinds] : [];
    await bench('quality', ['--per-kind', String(size.quality), ...qualityKinds, '--json', json('quality')]);
  }

  const accuracy = JSON.parse(await readFile(json('accuracy'), 'utf8')) as AccuracyResults;
  const latency = JSON.parse(await readFile(json('latency'), 'utf8')) as LatencyResults;
  const memory = JSON.parse(await readFile(json('memory'), 'utf8')) as MemoryResults;
  const quality = JSON.parse(await readFile(json('quality'), 'utf8')) as QualityResults;

  await mkdir(join(ROOT, 'docs', 'bench'), { recursive: true });
  await writeFile(join(ROOT, CHART_PATH), await drawAccuracyChart(accuracy));
  const markdown = renderReport({
    mode,
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node.js ${process.version}`,
    minutes: args.includes('--render') ? undefined : Math.round((Date.now() - started) / 60_000),
    chartPath: CHART_PATH,
    accuracy,
    latency,
    memory,
    quality,
  });
  // As `npm run format` would write it (the tables aligned), so that `npm run format:check` passes on the result.
  const target = join(ROOT, 'BENCHMARKS.md');
  const prettierOptions = (await resolveConfig(target)) ?? {};
  await writeFile(target, await format(markdown, { ...prettierOptions, filepath: target }));
  process.stderr.write(`wrote BENCHMARKS.md and ${CHART_PATH}\n`);
}

/** Runs `bench/<name>.ts` with tsx; its output goes to stderr, so the report run stays readable. */
function bench(name: string, args: string[]): Promise<void> {
  process.stderr.write(`\n== bench:${name} ${args.join(' ')} (${new Date().toISOString().slice(11, 16)} UTC)\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('bench', `${name}.ts`), ...args], {
      cwd: ROOT,
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench:${name} exited with ${code}`))));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
