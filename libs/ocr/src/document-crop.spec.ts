import sharp from 'sharp';
import { cropDocument } from './document-crop';
import type { Quad, RgbImage } from './ocr.types';

/** A blue image with a red axis-aligned rectangle. */
function picture(width: number, height: number, red: { left: number; top: number; right: number; bottom: number }) {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= red.left && x < red.right && y >= red.top && y < red.bottom;
      data.set(inside ? [220, 30, 30] : [30, 30, 220], (y * width + x) * 3);
    }
  }
  return { width, height, data } satisfies RgbImage;
}

const box = (l: number, t: number, r: number, b: number): Quad => [
  { x: l, y: t },
  { x: r, y: t },
  { x: r, y: b },
  { x: l, y: b },
];

describe(cropDocument.name, () => {
  const image = picture(2000, 1500, { left: 300, top: 200, right: 1900, bottom: 1300 });
  const page = { width: 2000, height: 1500, rotation: 0 as const };

  it('warps the quad to its printed proportions, at most 1600 px long, and encodes a JPEG of it', async () => {
    const crop = await cropDocument(image, page, box(300, 200, 1900, 1300), {
      size: { widthMm: 85.6, heightMm: 53.98 },
    });
    expect([crop.width, crop.height]).toEqual([1600, 1009]);
    const { data, info } = await sharp(crop.jpeg).raw().toBuffer({ resolveWithObject: true });
    expect([info.format, info.width, info.height]).toEqual(['raw', 1600, 1009]);
    const centre = (504 * 1600 + 800) * 3;
    expect(data[centre]).toBeGreaterThan(180);
    expect(data[centre + 2]).toBeLessThan(80);
  });

  it('keeps a small quad at its own resolution, in its own proportions without a size', async () => {
    const crop = await cropDocument(image, page, box(300, 200, 700, 500));
    expect([crop.width, crop.height]).toEqual([400, 300]);
  });

  it('takes the size in the orientation of the quad: a portrait quad gets a portrait crop', async () => {
    const crop = await cropDocument(image, page, box(300, 200, 600, 676), { size: { widthMm: 125, heightMm: 88 } });
    expect([crop.width, crop.height]).toEqual([335, 476]);
  });
});
