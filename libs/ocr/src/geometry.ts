import type { Point, Quad } from './ocr.types';

/** A rotated rectangle: centre, side lengths along its own axes, and the angle of the `width` axis in radians. */
export interface RotatedRect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
}

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex hull (Andrew's monotone chain), counter-clockwise in a y-up frame, collinear points dropped. */
export function convexHull(points: readonly Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length <= 2) return pts;
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/**
 * Minimum-area enclosing rectangle (rotating calipers: the optimum has a side collinear with a hull edge, so every
 * hull edge direction is tried). Equivalent to OpenCV `minAreaRect` up to the angle convention.
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { cx: 0, cy: 0, width: 0, height: 0, angle: 0 };
  if (hull.length === 1) return { cx: hull[0].x, cy: hull[0].y, width: 0, height: 0, angle: 0 };
  let best: RotatedRect | undefined;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % hull.length];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    let minU = Infinity,
      maxU = -Infinity,
      minV = Infinity,
      maxV = -Infinity;
    for (const p of hull) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea - 1e-9) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        cx: cu * ux - cv * uy,
        cy: cu * uy + cv * ux,
        width: maxU - minU,
        height: maxV - minV,
        angle: Math.atan2(uy, ux),
      };
    }
  }
  return best ?? { cx: hull[0].x, cy: hull[0].y, width: 0, height: 0, angle: 0 };
}

/** The four corners of a rotated rectangle, in no particular order. */
export function rectCorners(r: RotatedRect): Point[] {
  const ux = Math.cos(r.angle),
    uy = Math.sin(r.angle);
  const hw = r.width / 2,
    hh = r.height / 2;
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([su, sv]) => ({
    x: r.cx + su * hw * ux - sv * hh * uy,
    y: r.cy + su * hw * uy + sv * hh * ux,
  }));
}

/**
 * Orders four corners as PaddleOCR's `get_mini_boxes` does: the two left-most points give top-left/bottom-left by y,
 * the two right-most give top-right/bottom-right. Result: [TL, TR, BR, BL].
 */
export function orderCorners(corners: readonly Point[]): Quad {
  const s = [...corners].sort((a, b) => a.x - b.x);
  const [tl, bl] = s[0].y <= s[1].y ? [s[0], s[1]] : [s[1], s[0]];
  const [tr, br] = s[2].y <= s[3].y ? [s[2], s[3]] : [s[3], s[2]];
  return [tl, tr, br, bl];
}

/**
 * DB "unclip": grows the shrunk text kernel back to the text box. The DB paper (Liao et al., AAAI 2020) offsets the
 * polygon by D = A × r / L (area, unclip ratio, perimeter); for a rectangle a round-join offset followed by a min-area
 * rectangle is exactly the rectangle grown by D on every side.
 */
export function unclipRect(r: RotatedRect, ratio: number): RotatedRect {
  const perimeter = 2 * (r.width + r.height);
  if (perimeter === 0) return r;
  const d = (r.width * r.height * ratio) / perimeter;
  return { ...r, width: r.width + 2 * d, height: r.height + 2 * d };
}

/** Shoelace area of a simple polygon (absolute value, pixels²). */
export function polygonArea(poly: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    s += a.x * b.y - b.x * a.y;
  }
  return Math.abs(s) / 2;
}

/** Euclidean distance between two points. */
export const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Homography H (row-major 3×3, h33 = 1) mapping each `from[i]` to `to[i]`, by solving the 8×8 DLT system with
 * Gaussian elimination (partial pivoting).
 */
export function homography(from: readonly Point[], to: readonly Point[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i];
    const { x: u, y: v } = to[i];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let piv = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    const d = a[c][c] || 1e-12;
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r][c] / d;
      for (let k = c; k < 9; k++) a[r][k] -= f * a[c][k];
    }
  }
  return [...a.map((row, i) => row[8] / (row[i] || 1e-12)), 1];
}
