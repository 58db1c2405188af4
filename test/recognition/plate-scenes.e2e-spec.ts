import type { RecognitionService } from '@zhengjian/recognition';
import type { Level } from '../fixtures/degrade';
import { createRng } from '../fixtures/prng';
import { renderSpecimen } from '../fixtures/specimens';
import { flattenOnWhite } from '../fixtures/degrade';
import sharp from 'sharp';
import { renderPlateSpecimen } from '../fixtures/vehicle/plate-specimens';
import type { PlateColour } from '../fixtures/vehicle/plate.data';
import { renderPlateScene } from '../fixtures/vehicle/plate.renderer';
import { localService, pick } from './engine';

/** Levels from a clean photo to a far, dim, turned one; `npm run bench:plates -- --generated` runs all of them. */
const LEVELS: readonly Level[] = ['clean', 'perspective', 'blur', 'dim', 'photo', 'far', 'rot90'];
const PLATES: readonly [string, PlateColour, boolean][] = [
  ['blue', 'blue', false],
  ['yellow', 'yellow', false],
  ['green new-energy (8 characters, small vehicle)', 'green', false],
  ['green new-energy (8 characters, large vehicle)', 'green', true],
  ['white police', 'white', false],
  ['black Hong Kong/Macau', 'black', false],
];
const SEED = 1900;

/** Overlap of two boxes, 0–1. */
function iou(a: { left: number; top: number; width: number; height: number }, position: string): number {
  const [l, t, r, b] = position.split('_').map(Number);
  const w = Math.min(a.left + a.width, r) - Math.max(a.left, l);
  const h = Math.min(a.top + a.height, b) - Math.max(a.top, t);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / (a.width * a.height + (r - l) * (b - t) - w * h);
}

describe('cardType 19 (车牌) on generated car scenes', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  describe.each(PLATES)('%s plate', (_name, colour, large) => {
    it.each(LEVELS)(
      'reads the number and colour code at level %s, with the plate position',
      async (level) => {
        const specimen = await renderPlateSpecimen({ colour, level, seed: SEED + LEVELS.indexOf(level), large });
        const report = await service.recognize(19, specimen.data);
        expect(report.errorCode).toBe(0);
        expect(pick(report.fields, specimen.expected)).toEqual(specimen.expected);
        const fields = report.fields!;
        expect(Number(fields['整牌可信度'])).toBeGreaterThanOrEqual(50);
        expect(Number(fields['整牌可信度'])).toBeLessThanOrEqual(100);
        expect(Number(fields['亮度评价'])).toBeGreaterThan(0);
        expect(fields['车牌位置(left_top_right_bottom)']).toMatch(/^\d+_\d+_\d+_\d+$/);
        if (specimen.plateBox)
          expect(iou(specimen.plateBox, fields['车牌位置(left_top_right_bottom)'])).toBeGreaterThan(0.5);
      },
      60_000,
    );
  });

  it('reads the plate of the generated vehicle group (specimen kind plate)', async () => {
    const specimen = await renderSpecimen({ kind: 'plate', level: 'photo', seed: 42 });
    expect(specimen.entry.cardType).toBe(19);
    const report = await service.recognize(19, specimen.data);
    expect(pick(report.fields, specimen.entry.expected)).toEqual(specimen.entry.expected);
    expect(iou(specimen.entry.plateBox!, report.fields!['车牌位置(left_top_right_bottom)'])).toBeGreaterThan(0.5);
  }, 60_000);

  it.each([
    ['an ID card', 'id-back'],
    ['a 行驶证, whose plate number is printed among document text', 'vehicle-main'],
    ['a bank card', 'bank-card'],
  ] as const)(
    'returns 215308 for %s',
    async (_name, kind) => {
      const specimen = await renderSpecimen({ kind, level: 'clean', seed: 7 });
      const report = await service.recognize(19, specimen.data);
      expect(report.errorCode).toBe(215308);
    },
    60_000,
  );

  it('returns 215305 for a plate whose number does not pass GA 36 (five characters)', async () => {
    const doc = renderPlateScene({ number: '京A123', colour: 'blue' }, createRng(3));
    const png = await sharp(flattenOnWhite(doc).data, {
      raw: { width: doc.width, height: doc.height, channels: 4 },
    })
      .png()
      .toBuffer();
    const report = await service.recognize(19, png);
    expect(report.errorCode).toBe(215305);
  }, 60_000);
});
