import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecognitionService } from '@zhengjian/recognition';
import { CCPD_DIR, ccpdLabels } from '../fixtures/plates-ccpd/ccpd';
import { localService } from './engine';

/**
 * Real plates: the 40 CCPD crops (test/fixtures/plates-ccpd). Every crop the engine reads today is listed by what it
 * reads, so a regression on any one of them fails; `npm run bench:plates` prints the same per plate.
 */
const KNOWN_MISSES = new Set<string>();
// Colour casts (sodium light) the HSV measure cannot see through: the plate is read, its colour code is 0 (unknown).
const COLOUR_UNKNOWN = new Set(['plate_056.jpg']);
const MIN_EXACT_RATE = 0.95;

describe('cardType 19 (车牌) on real CCPD plate crops', () => {
  let service: RecognitionService;
  const results = new Map<string, Record<string, string> | null>();
  const labels = ccpdLabels();

  beforeAll(async () => {
    service = await localService();
    for (const { file } of labels) {
      const report = await service.recognize(19, await readFile(join(CCPD_DIR, file)));
      results.set(file, report.fields);
    }
  }, 300_000);

  it('reads every plate it is known to read exactly', () => {
    const expected = labels.filter((l) => !KNOWN_MISSES.has(l.file));
    expect(expected.map((l) => [l.file, results.get(l.file)?.['车牌号']])).toEqual(
      expected.map((l) => [l.file, l.plate]),
    );
  });

  it(`reads at least ${MIN_EXACT_RATE * 100} % of the plates exactly`, () => {
    const exact = labels.filter((l) => results.get(l.file)?.['车牌号'] === l.plate).length;
    expect(exact / labels.length).toBeGreaterThanOrEqual(MIN_EXACT_RATE);
  });

  it('reports blue (code 1) for the blue plates, the whole crop as the position, no motion', () => {
    expect(labels.map((l) => [l.file, results.get(l.file)?.['车牌颜色']])).toEqual(
      labels.map((l) => [l.file, COLOUR_UNKNOWN.has(l.file) ? '0' : '1']),
    );
    expect(new Set(labels.map((l) => results.get(l.file)?.['车牌位置(left_top_right_bottom)']))).toEqual(
      new Set(['0_0_94_24']),
    );
    expect(new Set(labels.map((l) => results.get(l.file)?.['车牌运动方向']))).toEqual(new Set(['0']));
  });
});
