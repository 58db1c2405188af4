import type { Quad, RgbImage } from '@zhengjian/ocr';
import { inkParts } from './ink-parts';

/** A 400×60 sheet of paper (luminance 240) with dark blocks at the given [left, right) columns, rows 20–40. */
function sheet(blocks: readonly [number, number][], ink = 30): RgbImage {
  const width = 400;
  const height = 60;
  const data = Buffer.alloc(width * height * 3, 240);
  for (const [left, right] of blocks)
    for (let y = 20; y < 40; y++)
      for (let x = left; x < right; x++) data.fill(ink, (y * width + x) * 3, (y * width + x) * 3 + 3);
  return { width, height, data };
}

const REGION: Quad = [
  { x: 0, y: 10 },
  { x: 400, y: 10 },
  { x: 400, y: 50 },
  { x: 0, y: 50 },
];
const xs = (quads: Quad[]) => quads.map((q) => [Math.round(q[0].x), Math.round(q[1].x)]);

describe(inkParts.name, () => {
  it('cuts a region down to the glyph far into it, with half a line height of paper either side', () => {
    // Line height 40 px: 20 px of paper kept each side of the glyph at 300–330 (to the 2.5 px sampling step).
    const [part] = inkParts(sheet([[300, 330]]), REGION);
    expect(xs([part])).toEqual([[280, 350]]);
    expect(part[0].y).toBe(10);
    expect(part[3].y).toBe(50);
  });

  it('keeps the characters of one value together and splits values apart by more than 1.5 line heights', () => {
    expect(
      xs(
        inkParts(
          sheet([
            [20, 50],
            [60, 90],
            [300, 330],
          ]),
          REGION,
        ),
      ),
    ).toEqual([
      [0, 110],
      [280, 350],
    ]);
  });

  it('returns the region as it is when it holds no print, only faint pattern, or texture', () => {
    expect(inkParts(sheet([]), REGION)).toEqual([REGION]);
    expect(inkParts(sheet([[300, 330]], 210), REGION)).toEqual([REGION]);
    const texture = sheet([0, 1, 2, 3, 4].map((i): [number, number] => [10 + 75 * i, 20 + 75 * i]));
    expect(inkParts(texture, REGION)).toEqual([REGION]);
  });
});
