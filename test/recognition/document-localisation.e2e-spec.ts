import { type DocumentLocation, OcrEngine, decodeImage, localiseDocument, pageQuadToSource } from '@zhengjian/ocr';
import { type RecognitionService, toEnvelope } from '@zhengjian/recognition';
import type { Level } from '../fixtures/degrade';
import type { DocumentCorner } from '../fixtures/manifest';
import { renderSpecimen } from '../fixtures/specimens';
import { jpegSize, localService } from './engine';

/** ISO/IEC 7810 ID-1: 85.60 × 53.98 mm (the card-type spec's card sizes). */
const ID_1_ASPECT = 85.6 / 53.98;

/** Largest distance between a found corner and the generator's, per the card's longer side. */
function cornerError(found: DocumentLocation['quad'], truth: readonly DocumentCorner[]): number {
  const long = Math.max(
    Math.hypot(truth[1].x - truth[0].x, truth[1].y - truth[0].y),
    Math.hypot(truth[3].x - truth[0].x, truth[3].y - truth[0].y),
  );
  return Math.max(...truth.map((p, i) => Math.hypot(p.x - found[i].x, p.y - found[i].y))) / long;
}

/**
 * The document localiser on generated photos whose card placement is known (`documentQuad` in the manifest: where
 * the degradation put the card's corners): the card's border is found on every side, each corner within 2 % of the
 * card's size, for tilted, perspective, phone and distant photos; a clean scan is the whole frame.
 */
describe('document localisation on generated photos', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await OcrEngine.create();
  }, 120_000);

  const cases: { kind: 'id-front' | 'id-back'; level: Level; seed: number }[] = [];
  for (const level of ['tilt', 'perspective', 'photo', 'far'] as Level[]) {
    cases.push({ kind: 'id-front', level, seed: 41 }, { kind: 'id-back', level, seed: 42 });
  }

  it.each(cases)(
    'finds the card of a $kind $level photo by its border, corners within 2 % of its size',
    async ({ kind, level, seed }) => {
      const { data, entry } = await renderSpecimen({ kind, level, seed });
      const { rgb } = await decodeImage(data);
      const page = await engine.read(rgb);
      const found = await localiseDocument(rgb, page);
      expect(found.localised).toBe('border');
      expect(entry.documentQuad).toHaveLength(4);
      // The quad is in the page's pixels (deskewed when the photo is tilted): compared in the uploaded image's.
      expect(cornerError(pageQuadToSource(found.quad, page), entry.documentQuad ?? [])).toBeLessThan(0.02);
    },
    120_000,
  );

  it('takes a clean rendering, the card alone, as filling the frame', async () => {
    const { data, entry } = await renderSpecimen({ kind: 'id-back', level: 'clean', seed: 43 });
    const { rgb } = await decodeImage(data);
    const found = await localiseDocument(rgb, await engine.read(rgb));
    expect(found.localised).toBe('frame');
    expect(found.quad).toEqual([
      { x: 0, y: 0 },
      { x: entry.width, y: 0 },
      { x: entry.width, y: entry.height },
      { x: 0, y: entry.height },
    ]);
  }, 120_000);
});

describe('crop option of the recognition service', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  it('returns the card of a phone photo as a JPEG of the ID-1 proportions, and leaves the fields as they were', async () => {
    const { data } = await renderSpecimen({ kind: 'id-front', level: 'photo', seed: 44 });
    const plain = await service.recognize(2, data);
    const cropped = await service.recognize(2, data, { crop: true, detail: true });
    expect(plain.errorCode).toBe(0);
    expect(plain.crop).toBeUndefined();
    expect(toEnvelope(plain).result).not.toHaveProperty('_crop');
    expect(cropped.fields).toEqual(plain.fields);
    expect(cropped.detail?.document?.localised).toBe('border');
    const envelope = toEnvelope(cropped);
    expect(Object.keys(envelope.result ?? {}).slice(-2)).toEqual(['_detail', '_crop']);
    const crop = envelope.result?._crop as string;
    expect(crop).toMatch(/^\/9j\//);
    const { width, height } = await jpegSize(crop);
    expect(Math.abs(width / height - ID_1_ASPECT)).toBeLessThan(0.01);
  }, 180_000);

  it('turns the crop of a page photographed sideways upright', async () => {
    const { data } = await renderSpecimen({ kind: 'id-back', level: 'rot90', seed: 45 });
    const report = await service.recognize(3, data, { crop: true });
    expect(report.errorCode).toBe(0);
    const { width, height } = await jpegSize(report.crop ?? '');
    expect(width).toBeGreaterThan(height);
    expect(Math.abs(width / height - ID_1_ASPECT)).toBeLessThan(0.01);
  }, 180_000);
});
