import { quadCropSize } from './crop-warp';
import type { Quad } from './ocr.types';

// A box counts as a text line (not a lone character or a stamp) when its long side is twice the short one.
const LINE_ELONGATION = 2;

/** Long-side direction of a quad: is its TL→TR edge closer to vertical than horizontal? */
function longSideIsVertical(q: Quad): boolean {
  const dx = q[1].x - q[0].x;
  const dy = q[1].y - q[0].y;
  const size = quadCropSize(q);
  // orderCorners puts TL→TR along whichever side is on top; compare the longer side's direction.
  const horizontalEdgeIsLong = size.width >= size.height;
  const edgeIsHorizontal = Math.abs(dx) >= Math.abs(dy);
  return horizontalEdgeIsLong !== edgeIsHorizontal;
}

/**
 * True when the page seems turned a quarter (90° or 270°): most of the text-line length runs vertically. Horizontal
 * writing dominates every supported document, so vertical lines mean a sideways photo. Weighted by line length so a
 * few short vertical fragments (a stamp, a barcode) do not flip a page.
 */
export function isQuarterTurned(quads: readonly Quad[]): boolean {
  let vertical = 0;
  let horizontal = 0;
  for (const q of quads) {
    const { width, height } = quadCropSize(q);
    const long = Math.max(width, height);
    if (long < LINE_ELONGATION * Math.min(width, height)) continue;
    if (longSideIsVertical(q)) vertical += long;
    else horizontal += long;
  }
  return vertical > horizontal;
}

/**
 * The lines worth asking about the page direction: horizontal, elongated, longest first (more characters give the
 * classifier more evidence). Falls back to the largest boxes when nothing is elongated.
 */
export function orientationProbes(quads: readonly Quad[], count: number): Quad[] {
  const withSize = quads.map((q) => ({ q, ...quadCropSize(q) }));
  const lines = withSize.filter((b) => b.width >= LINE_ELONGATION * b.height && !longSideIsVertical(b.q));
  const pool = lines.length > 0 ? lines : withSize;
  return pool
    .sort((a, b) => b.width * b.height - a.width * a.height)
    .slice(0, count)
    .map((b) => b.q);
}

/** The same quad read upside down: the bottom-right corner becomes the top-left of the text. */
export const flipQuad = (q: Quad): Quad => [q[2], q[3], q[0], q[1]];

/**
 * Weighted vote of the per-line "upside down" probabilities, in [−1, 1]: positive means upside down. Each line weighs
 * its crop width, since a long line is stronger evidence than a two-character label.
 */
export function upsideDownVote(probabilities: readonly number[], widths: readonly number[]): number {
  let sum = 0;
  let total = 0;
  probabilities.forEach((p, i) => {
    sum += (2 * p - 1) * widths[i];
    total += widths[i];
  });
  return total === 0 ? 0 : sum / total;
}
