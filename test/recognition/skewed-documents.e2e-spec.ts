import type { Point, Quad } from '@zhengjian/ocr';
import type { RecognitionService } from '@zhengjian/recognition';
import type { PixelBox } from '../fixtures/manifest';
import { renderSpecimen } from '../fixtures/specimens';
import { jpegSize, localService, pick } from './engine';

/** Whether `p` lies inside the convex quad `q` (clockwise in image pixels), `slack` pixels outside allowed. */
function inside(p: Point, q: readonly Point[], slack: number): boolean {
  return q.every((a, i) => {
    const b = q[(i + 1) % q.length];
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    return cross / Math.hypot(b.x - a.x, b.y - a.y) >= -slack;
  });
}

/** Intersection over union of a quad's bounding box and a box. */
function iou(quad: Quad, box: PixelBox): number {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const w = Math.max(0, Math.min(Math.max(...xs), box.left + box.width) - Math.max(Math.min(...xs), box.left));
  const h = Math.max(0, Math.min(Math.max(...ys), box.top + box.height) - Math.max(Math.min(...ys), box.top));
  const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
  return (w * h) / (area + box.width * box.height - w * h);
}

/**
 * Documents photographed at a slant of 12–30° (the `skew` level) are read on a deskewed page: the machine-readable
 * zone's rows and a licence's rows stay apart, every field is read exactly, and `_detail` still gives boxes in the
 * uploaded image's pixels (each field inside the card, the portrait over the rendered one, the card's corners where
 * the degradation put them; the crop upright), and the image quality still reports the slant.
 */
describe('documents photographed at a slant', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  it.each([
    { kind: 'hk-macao-permit-2005', cardType: 9 },
    { kind: 'taiwan-travel-permit-1992', cardType: 11 },
    { kind: 'vehicle-main', cardType: 6 },
  ] as const)(
    'reads every field of a slanted $kind exactly, with boxes in the uploaded image',
    async ({ kind, cardType }) => {
      const { data, entry } = await renderSpecimen({ kind, level: 'skew', seed: 237907975 });
      const report = await service.recognize(cardType, data, { detail: true, crop: true });
      expect(report.errorCode).toBe(0);
      expect(pick(report.fields, entry.expected)).toEqual(entry.expected);
      const card = entry.documentQuad ?? [];
      expect(card).toHaveLength(4);
      const cardSide = Math.hypot(card[1].x - card[0].x, card[1].y - card[0].y);
      const document = report.detail?.document;
      expect(document?.localised).toBe('border');
      document?.box.forEach((p, i) =>
        expect(Math.hypot(p.x - card[i].x, p.y - card[i].y)).toBeLessThan(0.03 * cardSide),
      );
      const boxes = Object.values(report.detail?.fields ?? {}).flatMap((f) => (f.box ? [f.box] : []));
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) for (const p of box) expect(inside(p, card, 4)).toBe(true);
      // The quality is measured on the photo as taken: its slant is still reported.
      expect(report.detail?.quality.signals).toContain('rotated');
      // The crop is cut from the photo along the card's outline and comes out upright (landscape).
      const crop = await jpegSize(report.crop ?? '');
      expect(crop.width).toBeGreaterThan(1.3 * crop.height);
      if (entry.portraitBox) expect(iou(report.detail?.portraitBox as Quad, entry.portraitBox)).toBeGreaterThan(0.8);
    },
    180_000,
  );
});
