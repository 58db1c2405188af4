import type { Quad, RgbImage } from '@zhengjian/ocr';
import { INK_MARGINS, inkParts } from './ink-parts';

/** A 400×60 sheet of paper (luminance 240) with dark blocks at the given [left, right) columns, rows `top`–`bottom`. */
function sheet(blocks: readonly [number, number][], ink = 30, top = 20, bottom = 40): RgbImage {
  const width = 400;
  const height = 60;
  const data = Buffer.alloc(width * height * 3, 240);
  for (const [left, right] of blocks)
    for (let y = top; y < bottom; y++)
      for (let x = left; x < right; x++) data.fill(ink, (y * width + x) * 3, (y * width + x) * 3 + 3);
  return { width, height, data };
}

const REGION: Quad = [
  { x: 0, y: 10 },
  { x: 400, y: 10 },
  { x: 400, y: 50 },
  { x: 0, y: 50 },
];
/** Left, right, top and bottom of a quad's first edges, rounded. */
const extent = (q: Quad) => [q[0].x, q[1].x, q[0].y, q[3].y].map(Math.round);

describe(inkParts.name, () => {
  it('cuts a region down to the glyph far into it, one crop per margin', () => {
    // The 20 px glyph at x 300–330: 0.3 of its height of paper each side, 0.35 above and below (2.5 px sampling).
    const [part] = inkParts(sheet([[300, 330]]), REGION);
    expect(part).toHaveLength(INK_MARGINS.length);
    expect(extent(part[0])).toEqual([294, 336, 13, 47]);
    expect(extent(part[2])).toEqual([284, 346, 11, 49]);
  });

  it('follows a value printed taller than the region, up to a quarter of its height beyond it', () => {
    // Ink from y 2 (8 px above the region) to 40: the margins grow with the ink's 37.5 px height.
    const [part] = inkParts(sheet([[300, 330]], 30, 2, 40), REGION);
    expect(extent(part[0])).toEqual([289, 341, -11, 53]);
  });

  it('keeps the characters of one value together and splits values apart by more than 1.5 line heights', () => {
    const parts = inkParts(
      sheet([
        [20, 50],
        [60, 90],
        [300, 330],
      ]),
      REGION,
    );
    expect(parts.map((p) => extent(p[0]).slice(0, 2))).toEqual([
      [14, 96],
      [294, 336],
    ]);
  });

  it('returns the region as it is when it holds no print, only faint pattern, or texture', () => {
    expect(inkParts(sheet([]), REGION)).toEqual([[REGION]]);
    expect(inkParts(sheet([[300, 330]], 210), REGION)).toEqual([[REGION]]);
    const texture = sheet([0, 1, 2, 3, 4].map((i): [number, number] => [10 + 75 * i, 20 + 75 * i]));
    expect(inkParts(texture, REGION)).toEqual([[REGION]]);
  });
});
