/**
 * `npm run bench:plates`: exact plate-number rate of the local engine (cardType 19) on the real CCPD plate crops in
 * test/fixtures/plates-ccpd, with each plate's result, then the same crops pasted into car scenes. `--generated N` adds N generated car scenes per plate colour
 * and degradation level (number and colour code both exact). Figures, not a test.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecognitionService } from '@zhengjian/recognition';
import { LEVELS } from '../test/fixtures/degrade';
import { CCPD_DIR, ccpdInScene, ccpdLabels } from '../test/fixtures/plates-ccpd/ccpd';
import { renderPlateSpecimen } from '../test/fixtures/vehicle/plate-specimens';
import { PLATE_COLOURS } from '../test/fixtures/vehicle/plate.data';
import { flags, loadService, pct } from './engine';

async function real(service: RecognitionService): Promise<void> {
  const labels = ccpdLabels();
  let exact = 0;
  const started = performance.now();
  for (const { file, plate } of labels) {
    const report = await service.recognize(19, await readFile(join(CCPD_DIR, file)));
    const read = report.fields?.['车牌号'] ?? `(${report.errorCode})`;
    const ok = read === plate;
    if (ok) exact++;
    const colour = report.fields?.['车牌颜色'] ?? '';
    const confidence = report.fields?.['整牌可信度'] ?? '';
    process.stdout.write(`${ok ? 'ok  ' : 'MISS'} ${file}\t${plate}\t${read}\tcolour=${colour}\tconf=${confidence}\n`);
  }
  const perPlate = (performance.now() - started) / Math.max(1, labels.length);
  process.stdout.write(
    `\nreal CCPD crops, exact plates: ${exact}/${labels.length} (${pct(exact, labels.length)}), ` +
      `${Math.round(perPlate)} ms per plate\n`,
  );
}

async function realInScenes(service: RecognitionService): Promise<void> {
  const labels = ccpdLabels();
  let exact = 0;
  const misses: string[] = [];
  for (const [i, { file, plate }] of labels.entries()) {
    const report = await service.recognize(19, (await ccpdInScene(file, 100 + i)).data);
    const read = report.fields?.['车牌号'] ?? `(${report.errorCode})`;
    if (read === plate) exact++;
    else misses.push(`${file} ${plate}→${read}`);
  }
  process.stdout.write(
    `real CCPD crops pasted into car scenes, exact plates: ${exact}/${labels.length} ` +
      `(${pct(exact, labels.length)})  ${misses.join('  ')}\n`,
  );
}

async function generated(service: RecognitionService, seeds: number): Promise<void> {
  process.stdout.write(
    `\ngenerated car scenes, ${seeds} seed(s) per colour and level (number and colour code exact)\n`,
  );
  const kinds = [...PLATE_COLOURS.map((c) => [c, c, false] as const), ['green-large', 'green', true] as const];
  for (const [name, colour, large] of kinds) {
    let exact = 0;
    const misses: string[] = [];
    for (const level of LEVELS) {
      for (let seed = 1; seed <= seeds; seed++) {
        const specimen = await renderPlateSpecimen({ colour, level, seed, large });
        const report = await service.recognize(19, specimen.data);
        const got = `${report.fields?.['车牌号'] ?? report.errorCode}/${report.fields?.['车牌颜色'] ?? ''}`;
        if (got === `${specimen.expected['车牌号']}/${specimen.expected['车牌颜色']}`) exact++;
        else misses.push(`${level}#${seed}: ${got}`);
      }
    }
    const total = LEVELS.length * seeds;
    process.stdout.write(`${name.padEnd(12)} ${exact}/${total} (${pct(exact, total)})  ${misses.join('  ')}\n`);
  }
}

async function main() {
  const opts = flags(process.argv.slice(2), { generated: '0' });
  const { service, loadMs } = await loadService();
  process.stdout.write(`model load ${Math.round(loadMs)} ms\n`);
  await real(service);
  await realInScenes(service);
  if (Number(opts.generated) > 0) await generated(service, Number(opts.generated));
}

void main();
