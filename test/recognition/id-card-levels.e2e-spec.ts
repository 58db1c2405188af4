import type { RecognitionService } from '@zhengjian/recognition';
import { LEVELS } from '../fixtures/degrade';
import { renderSpecimen } from '../fixtures/specimens';
import { editDistance, jpegSize, localService, pick } from './engine';

/** One invented person per level; the seed fixes the person, fonts, layout and degradation. */
const SEED = 1000;
/**
 * Free-text fields where a rare character (e.g. 溆 in a county name) is the OCR model's known weak spot: here they
 * may differ from the truth by one character; every other field must be exact. `npm run bench:accuracy` measures
 * the exact-match rate of every field on a larger set.
 */
const FREE_TEXT = new Set(['住址', '签发机关']);

/** Asserts every field exact, but free-text ones within one edit (insertion, deletion or substitution). */
function expectFields(result: Record<string, string> | null, expected: Record<string, string>) {
  const got = pick(result, expected);
  const tolerated = Object.fromEntries(
    Object.entries(got).map(([k, v]) => [k, FREE_TEXT.has(k) && editDistance(v, expected[k]) <= 1 ? expected[k] : v]),
  );
  expect(tolerated).toEqual(expected);
}

describe('ID card recognizers on generated images, at every degradation level', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  describe.each(LEVELS)('level %s', (level) => {
    it('reads every front field exactly (cardType 2) and returns the portrait as a JPEG', async () => {
      const specimen = await renderSpecimen({ kind: 'id-front', level, seed: SEED + LEVELS.indexOf(level) });
      const report = await service.recognize(2, specimen.data, { detail: true });
      expect(report.errorCode).toBe(0);
      expectFields(report.fields, specimen.entry.expected);
      const portrait = await jpegSize(report.fields!['头像']);
      expect(portrait.height).toBeGreaterThan(portrait.width);
    }, 60_000);

    it('reads every back field exactly (cardType 3)', async () => {
      const specimen = await renderSpecimen({ kind: 'id-back', level, seed: SEED + LEVELS.indexOf(level) });
      const report = await service.recognize(3, specimen.data);
      expect(report.errorCode).toBe(0);
      expectFields(report.fields, specimen.entry.expected);
    }, 60_000);
  });

  it.each([
    ['id-front', '2'],
    ['id-back', '3'],
  ] as const)(
    'classifies a %s photo under cardType 101 as 证件类型 %s',
    async (kind, detected) => {
      const specimen = await renderSpecimen({ kind, level: 'photo', seed: SEED });
      const report = await service.recognize(101, specimen.data);
      expect(report.errorCode).toBe(0);
      expect(report.fields!['证件类型']).toBe(detected);
      expectFields(report.fields, specimen.entry.expected);
    },
    60_000,
  );

  it('reports the rotation it undid in _detail for a page turned 90 degrees', async () => {
    const specimen = await renderSpecimen({ kind: 'id-front', level: 'rot90', seed: SEED });
    const report = await service.recognize(2, specimen.data, { detail: true });
    expect(report.detail?.rotation).not.toBe(0);
    expect(report.detail?.warnings).toContain('rotated');
  }, 60_000);
});
