import type { Quad } from '@zhengjian/ocr';
import { occludedShare } from './occlusion';

const W = 320;
const H = 200;
const PAPER = [240, 244, 246];
const SKIN = [214, 160, 124];

/** A paper-coloured region with `patches` filled flat in their colour. */
function region(patches: { x0: number; y0: number; x1: number; y1: number; rgb: number[] }[]): Buffer {
  const rgb = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const fill = patches.find((p) => x >= p.x0 && x < p.x1 && y >= p.y0 && y < p.y1)?.rgb ?? PAPER;
      rgb.set(fill, (y * W + x) * 3);
    }
  }
  return rgb;
}

const line = (x0: number, y0: number, x1: number, y1: number): Quad => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

describe(occludedShare.name, () => {
  // Three rows of text, 24 px high; the middle one runs under the patch at x 120–184, y 64–136.
  const rows = [line(16, 24, 300, 48), line(16, 88, 112, 112), line(192, 88, 300, 112), line(16, 152, 300, 176)];
  const finger = { x0: 120, y0: 64, x1: 184, y1: 136, rgb: SKIN };

  it('measures a flat patch of a foreign colour with text on both sides as its share of the region', () => {
    expect(occludedShare(region([finger]), W, H, rows, 24)).toBe((64 * 72) / (W * H));
  });

  it('is 0 when text borders the patch on one side only (a portrait, a band at the edge)', () => {
    expect(occludedShare(region([finger]), W, H, [line(16, 88, 112, 112)], 24)).toBe(0);
  });

  it('is 0 for a patch of the paper colour, or one smaller than 1.5 text heights', () => {
    expect(occludedShare(region([{ ...finger, rgb: [236, 240, 244] }]), W, H, rows, 24)).toBe(0);
    expect(occludedShare(region([{ ...finger, x1: 152, y1: 96 }]), W, H, rows, 24)).toBe(0);
  });

  it('is 0 when a line of text lies inside the patch', () => {
    expect(occludedShare(region([finger]), W, H, [...rows, line(128, 88, 176, 112)], 24)).toBe(0);
  });
});
