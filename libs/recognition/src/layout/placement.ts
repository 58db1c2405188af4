import { findLabel, type LabelMatch, type RowValue } from './label-anchor';
import { type LayoutLine, type PageLayout, type Rect, unionRect, verticalOverlap } from './page-layout';

/**
 * The first of a label's printed variants found on the page (`['初次领证日期', '初领日期']`): an exact variant wins
 * over a fuzzy one (see {@link findLabel} for the error budget).
 */
export function findAnyLabel(layout: PageLayout, variants: readonly string[]): LabelMatch | undefined {
  for (const variant of variants) {
    const found = findLabel(layout, variant, 0);
    if (found) return found;
  }
  for (const variant of variants) {
    const found = findLabel(layout, variant);
    if (found) return found;
  }
  return undefined;
}

interface Piece {
  text: string;
  line: LayoutLine;
  rect: Rect;
}

function collect(pieces: Piece[]): RowValue {
  const used = pieces.filter((p) => p.text.length > 0);
  return {
    text: used.map((p) => p.text).join(''),
    lines: [...new Set(used.map((p) => p.line))],
    rect: used.length ? unionRect(used.map((p) => p.rect)) : undefined,
  };
}

/** Index in `line.text`, at or after `from`, where the first of `stops` printed in that line starts (-1: none). */
function stopIn(line: LayoutLine, from: number, stops: readonly LabelMatch[]): number {
  const hits = stops.filter((s) => s.line === line && s.start >= from).map((s) => s.start);
  return hits.length ? Math.min(...hits) : -1;
}

/** The part of `line` from character `from` to `to` (exclusive), with its share of the line's rectangle. */
function slice(line: LayoutLine, from: number, to = line.text.length): Piece {
  const perChar = line.text.length ? (line.rect.right - line.rect.left) / line.text.length : 0;
  return {
    text: line.text.slice(from, to),
    line,
    rect: { ...line.rect, left: line.rect.left + perChar * from, right: line.rect.left + perChar * to },
  };
}

/**
 * The value printed right of a label on its row: the rest of the label's OCR line, then the other lines of the row
 * left to right, cut where the next label (`stops`, e.g. `性别` after a name) begins.
 */
export function rightOf(layout: PageLayout, match: LabelMatch, stops: readonly LabelMatch[] = []): RowValue {
  const others = stops.filter((s) => s !== match && !(s.line === match.line && s.start === match.start));
  const height = match.line.rect.bottom - match.line.rect.top;
  const row = layout.lines
    .filter((l) => l !== match.line && verticalOverlap(l.rect, match.line.rect) > 0.5)
    .filter((l) => l.rect.left >= match.rest.left - height)
    .filter((l) => !isSpeck(l))
    .sort((a, b) => a.rect.left - b.rect.left);
  const pieces: Piece[] = [];
  for (const [line, from] of [[match.line, match.end] as const, ...row.map((l) => [l, 0] as const)]) {
    const cut = stopIn(line, from, others);
    pieces.push(slice(line, from, cut >= 0 ? cut : undefined));
    if (cut >= 0) break;
  }
  return collect(pieces);
}

/** A lone character read with low confidence: a rule, a dot of the background, not a value. */
function isSpeck(line: LayoutLine): boolean {
  return line.text.length === 1 && line.score < 0.9;
}

/** Lines starting below `rect` within `gap` line heights, overlapping its columns, nearest first. */
function linesBelow(layout: PageLayout, rect: Rect, gap: number, exclude: readonly LayoutLine[]): LayoutLine[] {
  const height = rect.bottom - rect.top;
  return layout.lines
    .filter((l) => !exclude.includes(l))
    .filter((l) => l.rect.top >= rect.bottom - height * 0.4 && l.rect.top <= rect.bottom + height * gap)
    .filter((l) => Math.min(l.rect.right, rect.right) - Math.max(l.rect.left, rect.left) > 0)
    .sort((a, b) => a.rect.top - b.rect.top);
}

/**
 * The value printed under a label (a column layout): on the nearest row below, the line starting closest to the
 * label's left edge, up to the next label in it, joined with the lines OCR split off it on that row (a name and its
 * romanisation: gap under one line height, no label).
 */
export function below(layout: PageLayout, match: LabelMatch, stops: readonly LabelMatch[] = []): RowValue {
  const labelRect = slice(match.line, match.start, match.end).rect;
  const wide = { ...labelRect, right: labelRect.right + (labelRect.right - labelRect.left) * 3 };
  const candidates = linesBelow(layout, wide, 2.5, [match.line]);
  const first = candidates[0];
  if (!first) return { text: '', lines: [], rect: undefined };
  // A slanted or uneven row: lines starting within half a line height of the nearest one are on the same row.
  const half = (first.rect.bottom - first.rect.top) / 2;
  const next = candidates
    .filter((l) => l.rect.top - first.rect.top < half)
    .sort((a, b) => Math.abs(a.rect.left - labelRect.left) - Math.abs(b.rect.left - labelRect.left))[0];
  const cutAt = (line: LayoutLine): Piece => {
    const cut = stopIn(line, 0, stops);
    return slice(line, 0, cut > 0 ? cut : undefined);
  };
  const row = layout.lines
    .filter((l) => l !== match.line && (l === next || verticalOverlap(l.rect, next.rect) > 0.5))
    .sort((a, b) => a.rect.left - b.rect.left);
  const height = next.rect.bottom - next.rect.top;
  // The row's run of adjacent lines that holds `next`.
  let start = row.indexOf(next);
  while (start > 0 && next.rect.left >= labelRect.left - height) {
    const before = row[start - 1];
    if (row[start].rect.left - before.rect.right > height || stopIn(before, 0, stops) >= 0) break;
    if (before.rect.right < labelRect.left - height) break;
    start -= 1;
  }
  const pieces: Piece[] = [];
  for (let k = start; k < row.length; k++) {
    const l = row[k];
    if (k > start && (l.rect.left - row[k - 1].rect.right > height || stopIn(l, 0, stops) === 0)) break;
    pieces.push(cutAt(l));
    if (stopIn(l, 0, stops) > 0) break;
  }
  return collect(pieces);
}

/**
 * A value that starts right of its label and may continue over the following lines (an address): the row value,
 * then up to `maxLines - 1` lines below it that start in the value's column and hold no label.
 */
export function continued(
  layout: PageLayout,
  match: LabelMatch,
  stops: readonly LabelMatch[] = [],
  maxLines = 3,
): RowValue {
  const first = rightOf(layout, match, stops);
  if (!first.rect) return first;
  const pieces: Piece[] = [{ text: first.text, line: first.lines[0], rect: first.rect }];
  const stopLines = new Set(stops.map((s) => s.line));
  const height = match.line.rect.bottom - match.line.rect.top;
  let last = first.rect;
  for (let n = 1; n < maxLines; n++) {
    // A line on a labelled row is that label's value, not the continuation of this one.
    const next = linesBelow(layout, last, 0.9, [...first.lines, ...pieces.map((p) => p.line)]).find(
      (l) =>
        l.rect.left >= first.rect!.left - height &&
        ![...stopLines].some((s) => s === l || verticalOverlap(s.rect, l.rect) > 0.5),
    );
    if (!next) break;
    pieces.push(slice(next, 0));
    last = next.rect;
  }
  const joined = collect(pieces);
  return { ...joined, lines: [...new Set([...first.lines, ...joined.lines])] };
}

/** Every line whose text matches `pattern`, top to bottom (a token printed anywhere: a VIN, an ID number). */
export function linesMatching(layout: PageLayout, pattern: RegExp): LayoutLine[] {
  return layout.lines.filter((l) => pattern.test(l.text));
}

/**
 * The block of lines left of a column of labels (`anchors`, e.g. a seal's text beside 出生日期 / 初次领证日期 /
 * 准驾车型), from 1.5 line heights above the first anchor to 1.5 below the last, top to bottom. Lines holding a
 * label (`stops`) are left out.
 */
export function leftOf(
  layout: PageLayout,
  anchors: readonly LabelMatch[],
  stops: readonly LabelMatch[] = [],
): RowValue {
  if (!anchors.length) return { text: '', lines: [], rect: undefined };
  const rects = anchors.map((a) => slice(a.line, a.start, a.end).rect);
  const height = Math.max(...rects.map((r) => r.bottom - r.top));
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top)) - 1.5 * height;
  const bottom = Math.max(...rects.map((r) => r.bottom)) + 1.5 * height;
  const stopLines = new Set(stops.map((s) => s.line));
  const lines = layout.lines
    .filter((l) => !stopLines.has(l) && l.rect.right <= left + height * 0.5)
    .filter((l) => (l.rect.top + l.rect.bottom) / 2 >= top && (l.rect.top + l.rect.bottom) / 2 <= bottom)
    .sort((a, b) => a.rect.top - b.rect.top);
  return collect(lines.map((l) => slice(l, 0)));
}
