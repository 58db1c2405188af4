import { type LayoutLine, type PageLayout, type Rect, unionRect, verticalOverlap } from './page-layout';

/** A printed label found on the page, and where its value starts. */
export interface LabelMatch {
  line: LayoutLine;
  /** Index in `line.text` where the label ends (the value may follow in the same OCR line). */
  end: number;
  /** Index in `line.text` where the label starts. */
  start: number;
  /** Approximate rectangle of the value part of `line` (after the label), pixels. */
  rest: Rect;
  /** A label spread over several lines on its row: the lines before `line` (each holding label characters only). */
  leading?: LayoutLine[];
}

/**
 * Finds a printed label such as `姓名` in the page. Exact substrings win; otherwise a same-length window with at
 * most `maxErrors` wrong characters (default: 0 for 2-character labels, 1 for 3–4, 2 for longer) counts, since
 * the small label font is where OCR slips most. Returns the best (first-from-top) match.
 */
export function findLabel(layout: PageLayout, label: string, maxErrors?: number): LabelMatch | undefined {
  const budget = maxErrors ?? (label.length <= 2 ? 0 : label.length <= 4 ? 1 : 2);
  let best: { match: LabelMatch; errors: number } | undefined;
  for (const line of layout.lines) {
    const found = locate(line.text, label, budget);
    if (found && (!best || found.errors < best.errors))
      best = { match: toMatch(line, found.start, label.length), errors: found.errors };
    if (best?.errors === 0) break;
  }
  return best?.match;
}

function locate(text: string, label: string, budget: number): { start: number; errors: number } | undefined {
  const exact = text.indexOf(label);
  if (exact >= 0) return { start: exact, errors: 0 };
  let best: { start: number; errors: number } | undefined;
  for (let start = 0; start + label.length <= text.length; start++) {
    let errors = 0;
    for (let i = 0; i < label.length && errors <= budget; i++) if (text[start + i] !== label[i]) errors++;
    // The first and last characters must both be wrong for a window to be rejected as noise.
    if (errors <= budget && errors < label.length && (!best || errors < best.errors)) best = { start, errors };
  }
  return best;
}

function toMatch(line: LayoutLine, start: number, length: number): LabelMatch {
  const width = line.rect.right - line.rect.left;
  const perChar = line.text.length ? width / line.text.length : 0;
  const end = start + length;
  return { line, start, end, rest: { ...line.rect, left: line.rect.left + perChar * end } };
}

/**
 * Where a label's value must be when OCR found no text for it: the label's row (a little taller), from the end of
 * the label for `chars` character widths (the row height), stopping short of `before` (the next label on the row).
 */
export function regionRightOf(match: LabelMatch, chars: number, before?: LabelMatch): Rect {
  const { top, bottom } = match.line.rect;
  const h = bottom - top;
  const left = match.rest.left;
  const stop = before && verticalOverlap(before.line.rect, match.line.rect) > 0.5 ? before : undefined;
  const limit = stop ? stop.line.rect.left + stop.start * perChar(stop.line) - 0.2 * h : Infinity;
  return {
    left,
    top: top - 0.15 * h,
    right: Math.max(left + h, Math.min(left + chars * h, limit)),
    bottom: bottom + 0.15 * h,
  };
}

function perChar(line: LayoutLine): number {
  return line.text.length ? (line.rect.right - line.rect.left) / line.text.length : 0;
}

/** A value read from one row: its text and the layout lines (and part-lines) it came from. */
export interface RowValue {
  text: string;
  lines: LayoutLine[];
  rect: Rect | undefined;
}

/**
 * The value printed to the right of a label on the same row: the rest of the label's own OCR line plus any
 * other lines that share the row, left to right. The text is cut at the first of `stopLabels` (e.g. `民族`
 * after `性别男`), since OCR often merges two label/value pairs printed on one row.
 */
export function valueRightOf(layout: PageLayout, match: LabelMatch, stopLabels: string[] = []): RowValue {
  const own = match.line.text.slice(match.end);
  const others = layout.lines
    .filter((l) => l !== match.line && verticalOverlap(l.rect, match.line.rect) > 0.5)
    .filter((l) => l.rect.left >= match.rest.left - (match.line.rect.bottom - match.line.rect.top))
    .sort((a, b) => a.rect.left - b.rect.left);
  const parts = [
    { text: own, line: match.line, rect: match.rest },
    ...others.map((l) => ({ text: l.text, line: l, rect: l.rect })),
  ];
  let text = '';
  const used: { line: LayoutLine; rect: Rect }[] = [];
  for (const part of parts) {
    const cut = firstIndexOf(part.text, stopLabels);
    const piece = cut >= 0 ? part.text.slice(0, cut) : part.text;
    if (piece) {
      text += piece;
      used.push(part);
    }
    if (cut >= 0) break;
  }
  const rects = used.map((u) => u.rect);
  return { text, lines: used.map((u) => u.line), rect: rects.length ? unionRect(rects) : undefined };
}

function firstIndexOf(text: string, needles: string[]): number {
  const hits = needles.map((n) => text.indexOf(n)).filter((i) => i >= 0);
  return hits.length ? Math.min(...hits) : -1;
}
