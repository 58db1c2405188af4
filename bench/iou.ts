import type { Quad } from '@zhengjian/ocr';

/** Intersection over union of a quad's bounding box and a `{left, top, width, height}` box, 0–1. */
export function boxIoU(quad: Quad, box: { left: number; top: number; width: number; height: number }): number {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const a = { l: Math.min(...xs), t: Math.min(...ys), r: Math.max(...xs), b: Math.max(...ys) };
  const b = { l: box.left, t: box.top, r: box.left + box.width, b: box.top + box.height };
  const iw = Math.max(0, Math.min(a.r, b.r) - Math.max(a.l, b.l));
  const ih = Math.max(0, Math.min(a.b, b.b) - Math.max(a.t, b.t));
  const inter = iw * ih;
  const union = (a.r - a.l) * (a.b - a.t) + (b.r - b.l) * (b.b - b.t) - inter;
  return union > 0 ? inter / union : 0;
}
