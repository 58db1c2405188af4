import { findLabel, type LabelMatch, type RowValue } from './label-anchor';
import { type LayoutLine, type PageLayout, type Rect, unionRect, verticalOverlap } from './page-layout';

/**
 * The first of a label's printed variants found on the page (`['初次领证日期', '初领日期']`): an exact variant wins
 * over a fuzzy one (see {@link findLabel} for the error budget); with `spaced`, a variant whose characters OCR read
 * as separate lines (see {@link findSpacedLabel}) comes before the fuzzy ones; with `exact`, fuzzy ones are not
 * tried.
 */
export function findAnyLabel(
  layout: PageLayout,
  variants: readonly string[],
  options: { spaced?: boolean; exact?: boolean } = {},
): LabelMatch | undefined {
  for (const variant of variants) {
    const found = findLabel(layout, variant, 0);
    if (found) return found;
  }
  if (options.spaced) {
    for (const variant of variants) {
      const found = findSpacedLabel(layout, variant);
      if (found) return found;
    }
  }
  if (options.exact) return undefined;
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

/** A lone character detected with low confidence: a rule, a dot of the background, not a value. */
function isSpeck(line: LayoutLine): boolean {
  return line.text.length === 1 && line.score < 0.9 && !line.source.sought;
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

/**
 * A label printed with its characters spread apart (`名  称`, set to the width of a longer label), which OCR
 * returns as separate lines on one row (`名`, `称…`): lines left to right whose texts spell the label, the first
 * ones holding label characters only, each within `gap` character heights of the previous one (default 5). One
 * middle or last character of a label of three or more may be missing (a lone glyph the detector dropped: `投`,
 * `人`), the last one of a two-character label when its blank is left before the value (`名`, then the value two
 * heights away at least), or the first one, when a line holds exactly the rest and a value follows it on the row
 * (`称`, `西安…`). The match is on the line holding the last character, so that the value right of it follows;
 * `leading` holds the lines before it.
 */
export function findSpacedLabel(layout: PageLayout, label: string, gap = 5): LabelMatch | undefined {
  const chars = [...label];
  for (const first of layout.lines) {
    if (!label.startsWith(first.text) || first.text.length >= chars.length) continue;
    let consumed = first.text.length;
    let dropped = chars.length < 3;
    const leading = [first];
    while (consumed < chars.length) {
      const last = leading[leading.length - 1];
      const height = last.rect.bottom - last.rect.top;
      const next = layout.lines
        .filter((l) => l !== last && verticalOverlap(l.rect, last.rect) > 0.5)
        .filter((l) => l.rect.left >= last.rect.right - height * 0.3 && l.rect.left <= last.rect.right + gap * height)
        .sort((a, b) => a.rect.left - b.rect.left)[0];
      if (!next) break;
      let take = spells(next.text, label.slice(consumed));
      if (take === 0 && !dropped && consumed + 1 < chars.length) {
        take = spells(next.text, label.slice(consumed + 1));
        if (take > 0) {
          consumed += 1;
          dropped = true;
        }
      }
      if (take === 0) break;
      consumed += take;
      if (consumed === label.length) {
        const perChar = next.text.length ? (next.rect.right - next.rect.left) / next.text.length : 0;
        const rest = { ...next.rect, left: next.rect.left + perChar * take };
        return { line: next, start: 0, end: take, rest, leading };
      }
      leading.push(next);
    }
    // The last character lost (`投资`, then the value): the label ends with the lines read. A two-character label
    // reduced to its first (`名`) must show the blank its second left: the value starts two heights away at least.
    const two = chars.length === 2;
    if ((two || !dropped) && consumed === chars.length - 1) {
      const last = leading[leading.length - 1];
      const { right, bottom, top } = last.rect;
      const blank = two ? 2 * (bottom - top) : -(bottom - top) * 0.3;
      const value = layout.lines.some(
        (l) => l !== last && verticalOverlap(l.rect, last.rect) > 0.5 && l.rect.left >= right + blank,
      );
      if (value) {
        const rest = { ...last.rect, left: right };
        return { line: last, start: 0, end: last.text.length, rest, leading: leading.slice(0, -1) };
      }
    }
  }
  // The first character lost (`称` alone, `名` not detected): a line holding exactly the rest, a value right of it.
  const tail = label.slice(1);
  for (const line of layout.lines) {
    if (line.text !== tail) continue;
    const height = line.rect.bottom - line.rect.top;
    const value = layout.lines.some(
      (l) =>
        l !== line &&
        verticalOverlap(l.rect, line.rect) > 0.5 &&
        l.rect.left >= line.rect.right - height * 0.3 &&
        l.rect.left <= line.rect.right + gap * height,
    );
    if (value) return { line, start: 0, end: tail.length, rest: { ...line.rect, left: line.rect.right } };
  }
  return undefined;
}

/** How many characters of `rest` (a label's remainder) `text` spells at its start: all of it, or all of `text`. */
function spells(text: string, rest: string): number {
  return text.startsWith(rest) ? rest.length : rest.startsWith(text) ? text.length : 0;
}

/**
 * A paragraph value (a business scope, a long address): the value right of the label, then every following row
 * whose first line starts where the value's first line starts (within 1.5 character heights: the text is set
 * flush left in its column; where OCR ran the first row into the label's line, where the second row starts), rows
 * at most `gap` line heights apart (default 0.9), up to `maxRows` rows. A row may be split by OCR into several
 * lines: the pieces that follow one another (less than one character height apart) are joined left to right. Stops
 * at a row holding a label (`stops`) in the column.
 */
export function paragraph(
  layout: PageLayout,
  match: LabelMatch,
  stops: readonly LabelMatch[] = [],
  maxRows = 60,
  gap = 0.9,
): RowValue {
  const height = match.line.rect.bottom - match.line.rect.top;
  const first = firstRow(layout, match, stops, height);
  if (!first.rect) return first;
  const separate = first.lines.find((l) => l !== match.line);
  let start = separate?.rect.left ?? first.rect.left;
  // A first row run into its label's line starts where OCR does not say: its left is estimated from an even share of
  // the line per character, short by as much as the label is printed wider than its characters (a spread label).
  // Until the next row gives the column's own edge, that row may start up to one character per label character
  // further right.
  let slack = separate ? 0 : (match.end - match.start) * height;
  const stopLines = new Set(stops.map((s) => s.line));
  const labelLeft = Math.min(
    slice(match.line, match.start).rect.left,
    ...(match.leading ?? []).map((l) => l.rect.left),
  );
  const used = new Set<LayoutLine>([match.line, ...first.lines]);
  const pieces: Piece[] = [{ text: first.text, line: first.lines[0], rect: first.rect }];
  let last = first.rect;
  for (let n = 1; n < maxRows; n++) {
    const head = layout.lines
      .filter((l) => !used.has(l) && l.rect.left >= start - 1.5 * height && l.rect.left <= start + 1.5 * height + slack)
      .filter((l) => l.rect.top >= last.bottom - height * 0.4 && l.rect.top <= last.bottom + height * gap)
      .sort((a, b) => a.rect.top - b.rect.top)[0];
    if (!head || stopLines.has(head)) break;
    // A row where a label of this column is printed left of the line holds that label's value.
    const labelled = stops.some(
      (s) =>
        s.line.rect.right <= head.rect.left + height &&
        s.line.rect.left >= labelLeft - height &&
        verticalOverlap(s.line.rect, head.rect) > 0.5,
    );
    if (labelled) break;
    const row = [head];
    for (let piece = head; ;) {
      const h = piece.rect.bottom - piece.rect.top;
      const next = layout.lines
        .filter((l) => !used.has(l) && !row.includes(l) && verticalOverlap(l.rect, piece.rect) > 0.5)
        .filter((l) => l.rect.left >= piece.rect.right - h * 0.5 && l.rect.left <= piece.rect.right + h)
        .sort((a, b) => a.rect.left - b.rect.left)[0];
      if (!next || stopLines.has(next)) break;
      row.push(next);
      piece = next;
    }
    for (const l of row) {
      used.add(l);
      pieces.push(slice(l, 0));
    }
    if (slack) [start, slack] = [head.rect.left, 0];
    last = unionRect(row.map((l) => l.rect));
  }
  const joined = collect(pieces);
  return { ...joined, lines: [...new Set([...first.lines, ...joined.lines])] };
}

/**
 * The first row of a paragraph: the value right of the label, its pieces after the first one each less than one
 * character height after the previous one (a line further right on the row is another column's).
 */
function firstRow(layout: PageLayout, match: LabelMatch, stops: readonly LabelMatch[], height: number): RowValue {
  const row = rightOf(layout, match, stops);
  const pieces = row.lines.filter((l) => l !== match.line).sort((a, b) => a.rect.left - b.rect.left);
  let previous = row.lines.includes(match.line) && match.end < match.line.text.length ? match.line : pieces.shift();
  for (const line of pieces) {
    if (previous && line.rect.left > previous.rect.right + height) {
      return rightOf(layout, match, [...stops, { line, start: 0, end: line.text.length, rest: line.rect }]);
    }
    previous = line;
  }
  return row;
}
