import { type LayoutLine, type PageLayout, type Rect, unionRect, verticalOverlap } from './page-layout';

/** OCR lines that sit on one printed row, left to right. */
export interface TextRow {
  lines: LayoutLine[];
  /** The lines' texts joined left to right (white space already folded away). */
  text: string;
  rect: Rect;
}

/**
 * Groups the lines a filter keeps into printed rows: the detector often cuts one row of text (a card number's
 * digit groups) into several boxes, or two rows into one box each. Lines join a row when they share at least
 * `minOverlap` (0–1, default 0.5) of the shorter one's height with the row and do not overlap horizontally with
 * a line already in it. Rows come top to bottom, each row's lines left to right.
 */
export function textRows(
  layout: PageLayout,
  keep: (line: LayoutLine) => boolean = () => true,
  minOverlap = 0.5,
): TextRow[] {
  const rows: LayoutLine[][] = [];
  for (const line of layout.lines.filter(keep)) {
    const row = rows.find(
      (r) =>
        verticalOverlap(unionRect(r.map((l) => l.rect)), line.rect) >= minOverlap &&
        r.every((l) => horizontalOverlap(l.rect, line.rect) < 0.5),
    );
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows
    .map((lines) => {
      const sorted = [...lines].sort((a, b) => a.rect.left - b.rect.left);
      return { lines: sorted, text: sorted.map((l) => l.text).join(''), rect: unionRect(sorted.map((l) => l.rect)) };
    })
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
}

/** Fraction of the narrower rectangle's width that the two share horizontally (0–1). */
function horizontalOverlap(a: Rect, b: Rect): number {
  const shared = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const narrower = Math.min(a.right - a.left, b.right - b.left);
  return narrower > 0 ? Math.max(0, shared) / narrower : 0;
}
