import type { RgbImage } from '@zhengjian/ocr';
import { classifyPixel, meanBrightness, plateColour } from './plate-colour';

type Rgb = readonly [number, number, number];

/** A plate-sized image of vertical stripes: each colour repeated over its number of columns, in a cycle. */
function stripes(pattern: readonly (readonly [Rgb, number])[]): RgbImage {
  const [width, height] = [88, 28];
  const cycle = pattern.flatMap(([rgb, n]) => Array.from({ length: n }, () => rgb));
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(cycle[x % cycle.length], (y * width + x) * 3);
  }
  return { width, height, data };
}

/** One background colour with a quarter of its pixels in the character colour. */
const plate = (background: Rgb, characters: Rgb): RgbImage =>
  stripes([
    [characters, 1],
    [background, 3],
  ]);

const WHOLE = { left: 0, top: 0, width: 88, height: 28 };

describe(classifyPixel.name, () => {
  it.each([
    [[0, 72, 186], 'blue'],
    [[20, 40, 70], 'blue'],
    [[250, 195, 20], 'yellow'],
    [[80, 190, 110], 'green'],
    [[190, 235, 205], 'green'],
    [[240, 240, 235], 'white'],
    [[25, 25, 28], 'black'],
    [[200, 30, 30], 'other'],
  ] as const)('classifies rgb%p as %s', (rgb, expected) => {
    expect(classifyPixel(rgb[0], rgb[1], rgb[2])).toBe(expected);
  });
});

describe(plateColour.name, () => {
  it.each([
    [[0, 72, 186], [250, 250, 250], 'blue'],
    [[250, 195, 20], [20, 20, 20], 'yellow'],
    [[80, 190, 110], [20, 20, 20], 'green'],
    [[240, 240, 235], [20, 20, 20], 'white'],
    [[20, 20, 20], [240, 240, 240], 'black'],
  ] as const)('finds a %p plate with %p characters %s', (background, characters, expected) => {
    expect(plateColour(plate(background, characters), WHOLE)).toBe(expected);
  });

  it('falls back on the next allowed colour when the measured one is not allowed by the format', () => {
    // A colour cast: half the paint reads green, a third blue; a 7-character plate is never green, so it is blue.
    const cast = stripes([
      [[80, 190, 110], 6],
      [[0, 72, 186], 4],
      [[240, 240, 240], 2],
    ]);
    expect(plateColour(cast, WHOLE)).toBe('green');
    expect(plateColour(cast, WHOLE, ['blue', 'yellow', 'white', 'black'])).toBe('blue');
  });

  it('returns undefined for a patch of no plate colour', () => {
    expect(plateColour(plate([200, 30, 30], [120, 60, 60]), WHOLE)).toBeUndefined();
  });
});

describe(meanBrightness.name, () => {
  it('is the mean BT.601 luma of the region', () => {
    expect(meanBrightness(plate([100, 100, 100], [100, 100, 100]), WHOLE)).toBe(100);
  });
});
