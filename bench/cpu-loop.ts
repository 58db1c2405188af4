/**
 * `npx tsx bench/cpu-loop.ts`: recognizes the same generated images round after round and prints, per round, the wall
 * time and the process CPU time (`process.cpuUsage`, user + system) per recognition. For profiling
 * (`node --cpu-prof --import tsx bench/cpu-loop.ts`) and for A/B comparisons on a shared machine, where CPU time per
 * recognition moves less with other processes' load than wall time does. Figures, not a test.
 * Flags: --kinds (comma-separated generator kinds, default id-front,id-back), --levels (default photo), --count
 * (images, default 10), --seed (default 7), --rounds (default 3), --out (where the specimens are written).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import type { Level } from '../test/fixtures/degrade';
import type { SpecimenKind } from '../test/fixtures/manifest';
import { generateSpecimens } from '../test/fixtures/specimens';
import { flags, loadService, quantile } from './engine';

async function main() {
  const opts = flags(process.argv.slice(2), {
    kinds: 'id-front,id-back',
    levels: 'photo',
    count: '10',
    seed: '7',
    rounds: '3',
    out: '.fixtures/bench-cpu-loop',
  });
  const manifest = await generateSpecimens({
    out: opts.out,
    count: Number(opts.count),
    seed: Number(opts.seed),
    levels: opts.levels.split(',') as Level[],
    kinds: opts.kinds.split(',') as SpecimenKind[],
  });
  const files = await Promise.all(
    manifest.flatMap((e) =>
      e.cardType === null ? [] : [readFile(join(opts.out, e.file)).then((bytes) => ({ bytes, cardType: e.cardType }))],
    ),
  );
  const { service } = await loadService();
  await service.recognize(files[0].cardType!, files[0].bytes); // warm-up: first-run allocations
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < Number(opts.rounds); round++) {
    const roundWall: number[] = [];
    const roundCpu: number[] = [];
    for (const f of files) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await service.recognize(f.cardType!, f.bytes);
      roundWall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      roundCpu.push((c.user + c.system) / 1000);
    }
    wall.push(...roundWall);
    cpu.push(...roundCpu);
    console.log(
      `round ${round + 1}: wall p50 ${Math.round(quantile(roundWall, 0.5))} ms, cpu p50 ${Math.round(quantile(roundCpu, 0.5))} ms/recognition, load ${loadavg()[0].toFixed(1)}`,
    );
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `all ${files.length} images x ${opts.rounds}: wall p50 ${Math.round(quantile(wall, 0.5))} ms p95 ${Math.round(quantile(wall, 0.95))} ms; ` +
      `cpu p50 ${Math.round(quantile(cpu, 0.5))} ms mean ${Math.round(mean(cpu))} ms/recognition`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
