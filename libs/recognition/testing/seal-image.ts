import type { RgbImage } from '@zhengjian/ocr';

/** An angle brought into (−π, π]. */
export const turn = (a: number): number => Math.atan2(Math.sin(a), Math.cos(a));

const PAPER = [251, 248, 240];
const INK = [208, 40, 44];

/** The angles (radians, image frame: −π/2 = top) of `count` glyphs set over the upper 1.3 π of a seal, left first. */
export function sealGlyphAngles(count: number): number[] {
  return Array.from({ length: count }, (_, i) => -Math.PI / 2 - 0.65 * Math.PI + (1.3 * Math.PI * (i + 0.5)) / count);
}

/**
 * A cream page with a red seal at (cx, cy) of radius r: its ring, a central disc for the star, and one block of ink
 * per glyph angle, set between 0.63 r and 0.85 r like a seal's name.
 */
export function sealImage(
  width: number,
  height: number,
  cx: number,
  cy: number,
  r: number,
  glyphs: number[],
): RgbImage {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x - cx, y - cy);
      const a = Math.atan2(y - cy, x - cx);
      const ring = Math.abs(d - r) < 0.03 * r;
      const star = d < 0.2 * r;
      const glyph = d > 0.63 * r && d < 0.85 * r && glyphs.some((g) => Math.abs(turn(a - g)) < 0.13);
      data.set(ring || star || glyph ? INK : PAPER, (y * width + x) * 3);
    }
  }
  return { width, height, data };
}
