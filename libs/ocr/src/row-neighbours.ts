import type { Point, Quad } from './ocr.types';

/**
 * DB's unclip step grows every text box by about three quarters of its height on each side (PaddleOCR
 * `unclip_ratio` 1.5), so two words printed close together on one row — a label and its value — get boxes that
 * overlap, and each crop then carries a sliver of the neighbour's first or last glyph (`址` read as a leading `上`,
 * `关` repeated). Where two boxes share a row and overlap along it, this moves both ends to the middle of the
 * overlap: the gap between the original glyphs. Returns new quads; the input is not modified.
 */
export function splitRowNeighbours(quads: readonly Quad[]): Quad[] {
  const out = quads.map((q) => q.map((p) => ({ ...p })) as Quad);
  for (let i = 0; i < out.length; i++) {
    for (let j = 0; j < out.length; j++) {
      if (i !== j) separate(out[i], out[j]);
    }
  }
  return out;
}

/** If `left` ends past the start of `right` on the same row, pull both back to the middle of the overlap. */
function separate(left: Quad, right: Quad): void {
  const u = direction(left);
  const v = { x: -u.y, y: u.x };
  const along = (p: Point) => p.x * u.x + p.y * u.y;
  const across = (p: Point) => p.x * v.x + p.y * v.y;
  const [lMin, lMax] = extent(left, along);
  const [rMin, rMax] = extent(right, along);
  if (!(lMin < rMin && lMax < rMax)) return; // `left` must start and end first
  const overlap = lMax - rMin;
  const shorter = Math.min(lMax - lMin, rMax - rMin);
  if (overlap <= 0 || overlap > 0.5 * shorter) return; // apart, or not two neighbours but one box inside another
  const [la, lb] = extent(left, across);
  const [ra, rb] = extent(right, across);
  const shared = Math.min(lb, rb) - Math.max(la, ra);
  if (shared < 0.6 * Math.min(lb - la, rb - ra)) return; // not on the same row
  const half = overlap / 2;
  // TR, BR of the left box move back; TL, BL of the right box move forward, both along the row direction.
  for (const k of [1, 2]) move(left[k], u, -half);
  for (const k of [0, 3]) move(right[k], u, half);
}

function direction(q: Quad): Point {
  const dx = q[1].x - q[0].x + (q[2].x - q[3].x);
  const dy = q[1].y - q[0].y + (q[2].y - q[3].y);
  const len = Math.hypot(dx, dy) || 1;
  return { x: dx / len, y: dy / len };
}

function extent(q: Quad, f: (p: Point) => number): [number, number] {
  const values = q.map(f);
  return [Math.min(...values), Math.max(...values)];
}

function move(p: Point, u: Point, by: number): void {
  p.x += u.x * by;
  p.y += u.y * by;
}
