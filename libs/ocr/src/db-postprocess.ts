import { minAreaRect, orderCorners, rectCorners, unclipRect } from './geometry';
import type { Point, Quad } from './ocr.types';

/** DB post-processing parameters; defaults are PaddleOCR's PP-OCRv4 inference defaults. */
export interface DbOptions {
  /** Probability above which a pixel is text (`det_db_thresh`). */
  threshold: number;
  /** Minimum mean probability inside a box (`det_db_box_thresh`). */
  boxThreshold: number;
  /** Unclip ratio r in D = A·r/L (`det_db_unclip_ratio`). */
  unclipRatio: number;
  /** Shorter side, in probability-map pixels, below which a candidate is dropped (`min_size`). */
  minSize: number;
  /** At most this many components are considered (`max_candidates`). */
  maxCandidates: number;
}

export const DEFAULT_DB_OPTIONS: DbOptions = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
  maxCandidates: 1000,
};

/** A detected text box in the pixels of the image given to `dbPostprocess` as destination. */
export interface DetectedBox {
  box: Quad;
  /** Mean probability inside the box before unclipping, 0–1. */
  score: number;
}

/**
 * Differentiable Binarization post-processing (Liao et al., "Real-time Scene Text Detection with Differentiable
 * Binarization", AAAI 2020; PaddleOCR `DBPostProcess`, quad mode, `score_mode: fast`): threshold the probability map,
 * take 8-connected components, fit a min-area rectangle, score it, unclip it, and scale to the destination size.
 * @param prob probability map, `mapWidth × mapHeight`, row-major
 */
export function dbPostprocess(
  prob: Float32Array,
  mapWidth: number,
  mapHeight: number,
  destWidth: number,
  destHeight: number,
  opts: DbOptions = DEFAULT_DB_OPTIONS,
): DetectedBox[] {
  const components = boundaryPointsOfComponents(prob, mapWidth, mapHeight, opts.threshold, opts.maxCandidates);
  const boxes: DetectedBox[] = [];
  for (const points of components) {
    const rect = minAreaRect(points);
    if (Math.min(rect.width, rect.height) < opts.minSize) continue;
    const score = meanInside(prob, mapWidth, mapHeight, rectCorners(rect));
    if (score < opts.boxThreshold) continue;
    const grown = unclipRect(rect, opts.unclipRatio);
    if (Math.min(grown.width, grown.height) < opts.minSize + 2) continue;
    const sx = destWidth / mapWidth;
    const sy = destHeight / mapHeight;
    const scaled = rectCorners(grown).map((p) => ({
      x: Math.min(destWidth, Math.max(0, Math.round(p.x * sx))),
      y: Math.min(destHeight, Math.max(0, Math.round(p.y * sy))),
    }));
    boxes.push({ box: orderCorners(scaled), score });
  }
  return boxes;
}

/**
 * Labels 8-connected components of `prob > threshold` (iterative flood fill) and returns, per component, its boundary
 * pixels (centres): the hull of the boundary is the hull of the component, at a fraction of the points.
 */
function boundaryPointsOfComponents(
  prob: Float32Array,
  w: number,
  h: number,
  threshold: number,
  max: number,
): Point[][] {
  const label = new Int32Array(w * h);
  const on = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < h && prob[y * w + x] > threshold;
  const stack = new Int32Array(w * h);
  const result: Point[][] = [];
  let next = 1;
  for (let start = 0; start < w * h && result.length < max; start++) {
    if (label[start] !== 0 || prob[start] <= threshold) continue;
    const points: Point[] = [];
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    while (top > 0) {
      const i = stack[--top];
      const x = i % w;
      const y = (i - x) / w;
      if (!on(x - 1, y) || !on(x + 1, y) || !on(x, y - 1) || !on(x, y + 1)) points.push({ x, y });
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if ((dx === 0 && dy === 0) || !on(nx, ny)) continue;
          const j = ny * w + nx;
          if (label[j] !== 0) continue;
          label[j] = next;
          stack[top++] = j;
        }
      }
    }
    next++;
    result.push(points);
  }
  return result;
}

/** Mean probability over the pixels whose centres lie inside the convex polygon (OpenCV `fillPoly` mask, inclusive). */
function meanInside(prob: Float32Array, w: number, h: number, poly: readonly Point[]): number {
  const xs = poly.map((p) => p.x);
  const ys = poly.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(w - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(h - 1, Math.ceil(Math.max(...ys)));
  // Edge functions of the polygon as unit normals, signed so that "inside" is non-negative whatever the winding;
  // half a pixel of tolerance because fillPoly includes pixels the edge passes through.
  const n = poly.length;
  let area2 = 0;
  for (let i = 0; i < n; i++) area2 += poly[i].x * poly[(i + 1) % n].y - poly[(i + 1) % n].x * poly[i].y;
  const sign = area2 >= 0 ? 1 : -1;
  const edges = poly.map((a, i) => {
    const b = poly[(i + 1) % n];
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const nx = (-sign * (b.y - a.y)) / len;
    const ny = (sign * (b.x - a.x)) / len;
    return { nx, ny, c: -(nx * a.x + ny * a.y) };
  });
  let sum = 0;
  let count = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let inside = true;
      for (let i = 0; i < n && inside; i++) inside = edges[i].nx * x + edges[i].ny * y + edges[i].c >= -0.5;
      if (inside) {
        sum += prob[y * w + x];
        count++;
      }
    }
  }
  return count === 0 ? 0 : sum / count;
}
