import sharp from 'sharp';
import {
  encodeJpeg,
  quadToSourceFrame,
  rotatePoint,
  rotateRect,
  rotateRgb,
  turnRegion,
  unrotatePoint,
} from './image-ops';
import type { Quad, RgbImage } from './ocr.types';

// 3×2 image whose red channel numbers the pixels 1..6 in row-major order.
const img: RgbImage = {
  width: 3,
  height: 2,
  data: Buffer.from([1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0, 5, 0, 0, 6, 0, 0]),
};
const reds = (r: RgbImage): number[] => [...r.data].filter((_, i) => i % 3 === 0);

describe('rotateRgb', () => {
  it('turns clockwise by 90, 180 and 270 degrees', () => {
    expect(rotateRgb(img, 90)).toMatchObject({ width: 2, height: 3 });
    expect(reds(rotateRgb(img, 90))).toEqual([4, 1, 5, 2, 6, 3]);
    expect(reds(rotateRgb(img, 180))).toEqual([6, 5, 4, 3, 2, 1]);
    expect(reds(rotateRgb(img, 270))).toEqual([3, 6, 2, 5, 1, 4]);
    expect(rotateRgb(img, 0)).toBe(img);
  });
});

describe('turnRegion', () => {
  it('turns the whole image as rotateRgb does', async () => {
    for (const rotation of [90, 180, 270] as const) {
      expect(await turnRegion(img, rotation)).toEqual(rotateRgb(img, rotation));
    }
    expect(await turnRegion(img, 0)).toBe(img);
  });

  it('cuts a region, then turns only the cut-out', async () => {
    const region = { left: 1, top: 0, width: 2, height: 2 };
    // The region holds pixels 2 3 / 5 6; turned 90° clockwise it reads 5 2 / 6 3.
    expect(await turnRegion(img, 90, region)).toEqual({
      width: 2,
      height: 2,
      data: Buffer.from([5, 0, 0, 2, 0, 0, 6, 0, 0, 3, 0, 0]),
    });
    expect(reds(await turnRegion(img, 0, region))).toEqual([2, 3, 5, 6]);
  });
});

describe('rotatePoint and rotateRect', () => {
  it.each([0, 90, 180, 270] as const)('rotatePoint is undone by unrotatePoint at %i°', (rotation) => {
    const p = { x: 0.5, y: 1.25 };
    const [w, h] = rotation % 180 === 0 ? [3, 2] : [2, 3];
    expect(unrotatePoint(rotatePoint(p, rotation, 3, 2), rotation, w, h)).toEqual(p);
  });

  it('moves the region of pixels 2, 3, 5, 6 to where rotateRgb puts them', () => {
    // rotateRgb(img, 90) reads 4 1 / 5 2 / 6 3: pixels 2, 3, 5, 6 fill rows 1–2.
    expect(rotateRect({ left: 1, top: 0, width: 2, height: 2 }, 90, 3, 2)).toEqual({
      left: 0,
      top: 1,
      width: 2,
      height: 2,
    });
    expect(rotateRect({ left: 1, top: 0, width: 2, height: 2 }, 270, 3, 2)).toEqual({
      left: 0,
      top: 0,
      width: 2,
      height: 2,
    });
  });
});

describe('quadToSourceFrame', () => {
  // The box around pixel "1" (top-left of the 3×2 source), seen in each turned page.
  const source: Quad = [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 1, y: 1 },
    { x: 0, y: 1 },
  ];

  it.each([
    [
      90,
      2,
      3,
      [
        { x: 2, y: 0 },
        { x: 2, y: 1 },
        { x: 1, y: 1 },
        { x: 1, y: 0 },
      ],
    ],
    [
      180,
      3,
      2,
      [
        { x: 3, y: 2 },
        { x: 2, y: 2 },
        { x: 2, y: 1 },
        { x: 3, y: 1 },
      ],
    ],
    [
      270,
      2,
      3,
      [
        { x: 0, y: 3 },
        { x: 0, y: 2 },
        { x: 1, y: 2 },
        { x: 1, y: 3 },
      ],
    ],
  ] as const)('maps a box from a page turned %i° back onto the source pixel', (rotation, w, h, pageQuad) => {
    expect(quadToSourceFrame([...pageQuad] as Quad, rotation, w, h)).toEqual(source);
  });
});

describe('encodeJpeg', () => {
  it('crops the bounding rectangle of a quad, clipped to the image', async () => {
    const big: RgbImage = { width: 100, height: 80, data: Buffer.alloc(100 * 80 * 3, 200) };
    const jpeg = await encodeJpeg(big, [
      { x: 10, y: 20 },
      { x: 50, y: 22 },
      { x: 52, y: 60 },
      { x: 8, y: 58 },
    ]);
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: 'jpeg', width: 44, height: 40 });
    const clipped = await encodeJpeg(big, { left: 90, top: 70, width: 50, height: 50 });
    expect(await sharp(clipped).metadata()).toMatchObject({ width: 10, height: 10 });
  });
});

describe('encodeJpeg with a rotation', () => {
  it.each([90, 180, 270] as const)(
    'cuts a box of a page turned %i° from the source and turns only the cut-out, as if cut from the turned page',
    async (rotation) => {
      const width = 60;
      const height = 40;
      const data = Buffer.alloc(width * height * 3);
      for (let i = 0; i < width * height; i++) data.set([(i * 7) % 256, (i * 13) % 256, (i % width) * 4], i * 3);
      const source: RgbImage = { width, height, data };
      const upright = rotateRgb(source, rotation);
      const box: Quad = [
        { x: 8, y: 5 },
        { x: 24, y: 5 },
        { x: 24, y: 29 },
        { x: 8, y: 29 },
      ];
      const expected = await sharp(await encodeJpeg(upright, box))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const mapped = quadToSourceFrame(box, rotation, upright.width, upright.height);
      const got = await sharp(await encodeJpeg(source, mapped, { rotation }))
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(got.info).toMatchObject({ width: 16, height: 24 });
      expect(got.data.equals(expected.data)).toBe(true);
    },
  );
});
