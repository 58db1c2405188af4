/**
 * `npm run bench:plates`: exact plate-number rate of the local engine (cardType 19) on the real CCPD plate crops in
 * test/fixtures/plates-ccpd, with each plate's result. Figures, not a test.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CCPD_DIR, ccpdLabels } from '../test/fixtures/plates-ccpd/ccpd';
import { loadService, pct } from './engine';

async function main() {
  const { service, loadMs } = await loadService();
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
    `\nexact plates: ${exact}/${labels.length} (${pct(exact, labels.length)}); model load ${Math.round(loadMs)} ms, ` +
      `${Math.round(perPlate)} ms per plate\n`,
  );
}

void main();
