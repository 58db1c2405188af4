import type { RecognitionService } from '@zhengjian/recognition';
import sharp from 'sharp';
import { renderSpecimen } from '../fixtures/specimens';
import { localService, pick } from './engine';

/**
 * A front camera saves a mirror image without an EXIF tag saying so. The page then fails as read; the service reads
 * its mirror image once, answers with the fields, warns `mirrored`, and gives boxes in the uploaded image's pixels.
 */
describe('mirrored photos (front camera, no EXIF)', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  it.each([
    ['id-front', 2, 'clean'],
    ['id-back', 3, 'clean'],
    ['vehicle-main', 6, 'photo'],
  ] as const)(
    'reads a mirrored %s (cardType %d, %s level)',
    async (kind, cardType, level) => {
      const specimen = await renderSpecimen({ kind, level, seed: 77 });
      const flipped = await sharp(specimen.data).flop().jpeg({ quality: 90 }).toBuffer();
      const report = await service.recognize(cardType, flipped, { detail: true });
      expect(report.errorCode).toBe(0);
      expect(pick(report.fields, specimen.entry.expected)).toEqual(specimen.entry.expected);
      expect(report.detail?.warnings).toContain('mirrored');
      // The boxes are in the uploaded (mirrored) image: flipped back, they sit where the upright page's boxes are.
      const upright = await service.recognize(cardType, specimen.data, { detail: true });
      const { width = 0 } = await sharp(flipped).metadata();
      const key = Object.keys(specimen.entry.expected)[1]!;
      const mirroredBox = report.detail?.fields[key]?.box;
      const uprightBox = upright.detail?.fields[key]?.box;
      expect(mirroredBox && uprightBox).toBeTruthy();
      const back = mirroredBox!.map((p) => width - p.x);
      const xs = uprightBox!.map((p) => p.x);
      expect(Math.abs(Math.min(...back) - Math.min(...xs))).toBeLessThan(width * 0.03);
      expect(Math.abs(Math.max(...back) - Math.max(...xs))).toBeLessThan(width * 0.03);
    },
    120_000,
  );

  // The generator's `mirror` level: a phone photo (tilt, keystone, uneven light, JPEG 60) flipped left to right, where
  // most mirrored lines are dropped as illegible and only one or two remain.
  it.each([
    ['id-front', 2, 7],
    ['id-front', 2, 8],
    ['id-front', 2, 11],
    ['id-back', 3, 2],
  ] as const)(
    'reads a mirrored phone photo of a %s (cardType %d, seed %d)',
    async (kind, cardType, seed) => {
      const specimen = await renderSpecimen({ kind, level: 'mirror', seed });
      const report = await service.recognize(cardType, specimen.data, { detail: true });
      expect(report.errorCode).toBe(0);
      expect(pick(report.fields, specimen.entry.expected)).toEqual(specimen.entry.expected);
      expect(report.detail?.warnings).toContain('mirrored');
    },
    120_000,
  );

  // Scenes of one line (a plate, a VIN label): mirrored, their only line is seen and dropped as illegible, leaving an
  // empty page; and a permit whose mirrored glyphs read as other characters but whose MRZ reads `>>>>`.
  it.each([
    ['plate', 19, 1],
    ['plate', 19, 2],
    ['vin', 1100, 1],
    ['vin', 1100, 2],
    // Its mirrored characters read as a 17-character VIN that fails the check digit, answered 0 without the retry.
    ['vin', 1100, 2291176602],
    ['taiwan-resident-permit-1992', 10, 1988942578],
  ] as const)(
    'reads a mirrored phone photo of a %s (cardType %d, seed %d)',
    async (kind, cardType, seed) => {
      const specimen = await renderSpecimen({ kind, level: 'mirror', seed });
      expect(specimen.entry.cardType).toBe(cardType);
      const report = await service.recognize(cardType, specimen.data, { detail: true });
      expect(report.errorCode).toBe(0);
      expect(pick(report.fields, specimen.entry.expected)).toEqual(specimen.entry.expected);
      expect(report.detail?.warnings).toContain('mirrored');
    },
    120_000,
  );

  it("gives a mirrored plate's position in the uploaded image's pixels", async () => {
    // Seed 3 puts the plate off-centre enough that its position left unflipped would miss it by 9 % of the width.
    const specimen = await renderSpecimen({ kind: 'plate', level: 'mirror', seed: 3 });
    const report = await service.recognize(19, specimen.data);
    expect(report.fields?.['车牌号']).toBe('京GFJ0274');
    const [left, top, right, bottom] = (report.fields?.['车牌位置(left_top_right_bottom)'] ?? '')
      .split('_')
      .map(Number);
    const truth = specimen.entry.plateBox!;
    const near = specimen.entry.width * 0.03;
    expect(Math.abs(left - truth.left)).toBeLessThan(near);
    expect(Math.abs(right - (truth.left + truth.width))).toBeLessThan(near);
    expect(Math.abs(top - truth.top)).toBeLessThan(near);
    expect(Math.abs(bottom - (truth.top + truth.height))).toBeLessThan(near);
  }, 120_000);

  it('does not read an upright page twice, nor warn mirrored', async () => {
    const specimen = await renderSpecimen({ kind: 'id-front', level: 'photo', seed: 78 });
    const report = await service.recognize(2, specimen.data, { detail: true });
    expect(report.errorCode).toBe(0);
    expect(report.detail?.warnings).not.toContain('mirrored');
  }, 60_000);
});
