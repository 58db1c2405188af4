import type { OcrLine, Quad } from './ocr.types';

const centreY = (q: Quad): number => (q[0].y + q[1].y + q[2].y + q[3].y) / 4;
const left = (q: Quad): number => Math.min(q[0].x, q[3].x);
const height = (q: Quad): number =>
  (Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y) + Math.hypot(q[2].x - q[1].x, q[2].y - q[1].y)) / 2;

/**
 * Sorts lines top to bottom, then left to right within a row. Two boxes share a row when their vertical centres are
 * closer than half the smaller height: unlike PaddleOCR's fixed 10-pixel rule this holds at any resolution.
 */
export function sortReadingOrder<T extends Pick<OcrLine, 'box'>>(lines: readonly T[]): T[] {
  const byY = [...lines].sort((a, b) => centreY(a.box) - centreY(b.box));
  const rows: { cy: number; h: number; items: T[] }[] = [];
  for (const line of byY) {
    const cy = centreY(line.box);
    const h = height(line.box);
    const row = rows[rows.length - 1];
    if (row && Math.abs(cy - row.cy) < 0.5 * Math.min(h, row.h)) {
      row.items.push(line);
      // Running mean keeps a long row anchored even if one box is slightly off.
      row.cy += (cy - row.cy) / row.items.length;
      row.h = Math.max(row.h, h);
    } else {
      rows.push({ cy, h, items: [line] });
    }
  }
  return rows.flatMap((r) => r.items.sort((a, b) => left(a.box) - left(b.box)));
}
