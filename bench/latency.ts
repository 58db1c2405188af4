/**
 * `npm run bench:latency`: per-image latency of the local engine with models warm (p50/p95 ms), model load time,
 * and peak RSS; then the `tesseract` CLI (chi_sim) on the same images when it is installed, for comparison.
 * Flags: --count (images, default 30), --seed, --out. Figures, not a test: the machine is shared and noisy.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateSpecimens } from '../test/fixtures/specimens';
import { flags, loadService, quantile } from './engine';

const run = promisify(execFile);

async function main() {
  const opts = flags(process.argv.slice(2), { count: '30', seed: '7', out: '.fixtures/bench-latency' });
  const manifest = await generateSpecimens({
    out: opts.out,
    count: Number(opts.count),
    seed: Number(opts.seed),
    levels: ['photo', 'scan', 'tilt', 'jpeg'],
  });
  const files = manifest.flatMap((e) =>
    e.cardType === null ? [] : [{ path: join(opts.out, e.file), cardType: e.cardType }],
  );
  const { service, loadMs } = await loadService();
  await service.recognize(files[0].cardType, await readFile(files[0].path)); // warm-up: first-run allocations

  const ours: number[] = [];
  for (const f of files) {
    const bytes = await readFile(f.path);
    const started = performance.now();
    await service.recognize(f.cardType, bytes);
    ours.push(performance.now() - started);
  }
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `images: ${files.length} generated ID cards (photo, scan, tilt, jpeg levels), ${process.env.UV_THREADPOOL_SIZE ?? 'default'} libuv threads`,
  );
  console.log(
    `zhengjian  load ${Math.round(loadMs)} ms   p50 ${Math.round(quantile(ours, 0.5))} ms   p95 ${Math.round(quantile(ours, 0.95))} ms   peak RSS ${Math.round(rssMb)} MB`,
  );

  const tesseract = await tesseractTimes(files.map((f) => f.path));
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

async function tesseractTimes(paths: string[]): Promise<number[] | undefined> {
  try {
    const { stdout } = await run('tesseract', ['--list-langs']);
    if (!stdout.split('\n').includes('chi_sim')) return undefined;
  } catch {
    return undefined;
  }
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    await run('tesseract', [path, 'stdout', '-l', 'chi_sim'], { maxBuffer: 1 << 20 });
    times.push(performance.now() - started);
  }
  return times;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
