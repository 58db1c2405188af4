import type { RecognitionService } from '@zhengjian/recognition';
import sharp from 'sharp';
import type { Level } from '../fixtures/degrade';
import { QUALITY_VARIANTS, VARIANT_SIGNAL, qualityVariant } from '../fixtures/quality-variants';
import { renderSpecimen } from '../fixtures/specimens';
import { localService } from './engine';

/**
 * `_detail.quality`: each signal fires on a generated photo made to show it (test/fixtures/quality-variants.ts) and
 * no signal fires on clean, scanned or ordinary photos; a quarter-turned page is `rotated` with its angle.
 * `npm run bench:quality` gives the false-positive and false-negative rates over more documents.
 */
describe('quality signals in _detail (detail=1)', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  it('keeps an unreadable image an error answer (no result), its quality measures in the failure detail', async () => {
    // A grey sheet with nothing printed: 215305, and the error history says why (flat, dark paper, no colour).
    const grey = await sharp({
      create: { width: 856, height: 540, channels: 3, background: { r: 128, g: 128, b: 128 } },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const report = await service.recognize(2, grey, { detail: true });
    expect([report.errorCode, report.fields, report.detail]).toEqual([215305, null, undefined]);
    expect(report.failureDetail).toBe(
      'the document could not be read; quality 0 [blurry, dim, copy] sharpness 0 luminance 128 ink 128 paper 128' +
        ' chroma 0 occlusion 0 text at edge 0',
    );
    const plain = await service.recognize(2, grey);
    // Without detail=1 the quality is not measured (the worker always asks for it).
    expect(plain.failureDetail).toBe('the document could not be read');
  }, 60_000);

  const cases = [
    { kind: 'id-front', cardType: 2, seed: 31 },
    { kind: 'vehicle-main', cardType: 6, seed: 32 },
  ] as const;

  describe.each(cases)('$kind', ({ kind, cardType, seed }) => {
    it.each(['clean', 'scan', 'photo'] as Level[])(
      'fires no signal on the %s level, with a good score (≥ 70, ≥ 50 for a photo)',
      async (level) => {
        const { data } = await renderSpecimen({ kind, level, seed });
        const report = await service.recognize(cardType, data, { detail: true });
        expect(report.errorCode).toBe(0);
        expect(report.detail?.quality.signals).toEqual([]);
        expect(report.detail?.quality.score).toBeGreaterThanOrEqual(level === 'photo' ? 50 : 70);
      },
      60_000,
    );

    it.each(QUALITY_VARIANTS)(
      'fires the signal of the %s variant on a photo made to show it, and lowers the score',
      async (variant) => {
        const clean = await renderSpecimen({ kind, level: 'clean', seed });
        const report = await service.recognize(cardType, await qualityVariant(clean.data, variant, seed), {
          detail: true,
        });
        expect(report.errorCode).toBe(0);
        expect(report.detail?.quality.signals).toContain(VARIANT_SIGNAL[variant]);
        expect(report.detail?.warnings).toContain(VARIANT_SIGNAL[variant]);
        expect(report.detail?.quality.score).toBeLessThan(70);
      },
      120_000, // the screen photo is 2.8× the card's size
    );

    it.each([
      ['rot90', 90],
      ['rot180', 180],
      ['rot270', -90],
    ] as const)(
      'says a %s page is rotated by %d°',
      async (level, angle) => {
        const { data } = await renderSpecimen({ kind, level, seed });
        const report = await service.recognize(cardType, data, { detail: true });
        expect(report.detail?.quality.signals).toEqual(['rotated']);
        expect(report.detail?.quality.angle).toBeCloseTo(angle, 0);
      },
      60_000,
    );
  });
});
