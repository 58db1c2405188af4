import type { OcrLine, OcrPage, Quad } from '@zhengjian/ocr';
import { fitLength, mrzAlphabetShare, normalizeMrzText } from './mrz-text';

/** MRZ lines found on a page: text normalised and fitted to the format's length, with their boxes (page pixels). */
export interface MrzCandidate {
  /** Texts of the lines, top to bottom, `A–Z 0–9 <` of length 30, 36 or 44 (as fitted). */
  lines: string[];
  /** Each line's box: the union of the OCR boxes it was made of. */
  boxes: Quad[];
  /** Mean OCR score of the lines. */
  score: number;
}

const LENGTHS = [30, 36, 44] as const;
// A reading may miss or add a few characters (filler runs miscounted, a split box); more is not an MRZ line.
const LENGTH_TOLERANCE = 3;
const MIN_ALPHABET_SHARE = 0.85;

interface Row {
  text: string;
  score: number;
  box: Quad;
  length: number;
}

const top = (q: Quad): number => Math.min(q[0].y, q[1].y);
const bottom = (q: Quad): number => Math.max(q[2].y, q[3].y);
const left = (q: Quad): number => Math.min(q[0].x, q[3].x);
const right = (q: Quad): number => Math.max(q[1].x, q[2].x);
const middle = (q: Quad): number => (top(q) + bottom(q)) / 2;
const height = (q: Quad): number => bottom(q) - top(q);

function union(a: Quad, b: Quad): Quad {
  const [l, r] = left(a) <= left(b) ? [a, b] : [b, a];
  return [l[0], r[1], r[2], l[3]];
}

/** OCR lines on one row (vertical centres within half a line height), joined left to right. */
function joinRows(lines: readonly OcrLine[]): { text: string; score: number; box: Quad }[] {
  const sorted = [...lines].sort((a, b) => middle(a.box) - middle(b.box) || left(a.box) - left(b.box));
  const rows: { parts: OcrLine[] }[] = [];
  for (const line of sorted) {
    const row = rows.find((r) => {
      const last = r.parts[r.parts.length - 1];
      return Math.abs(middle(last.box) - middle(line.box)) < height(last.box) / 2;
    });
    if (row) row.parts.push(line);
    else rows.push({ parts: [line] });
  }
  return rows.map(({ parts }) => {
    parts.sort((a, b) => left(a.box) - left(b.box));
    const chars = parts.reduce((n, p) => n + p.text.length, 0);
    return {
      text: parts.map((p) => p.text).join(''),
      score: parts.reduce((s, p) => s + p.score * p.text.length, 0) / Math.max(1, chars),
      box: parts.slice(1).reduce((b, p) => union(b, p.box), parts[0].box),
    };
  });
}

/**
 * Finds machine-readable zones among OCR lines: rows of `A–Z 0–9 <` (after {@link normalizeMrzText}) within a few
 * characters of 30, 36 or 44, stacked one under the other with about the same width; 2 × 44, 2 × 36, 3 × 30, or a
 * single row of 30 starting with `C`. Candidates are returned bottom-most first (the zone is at the foot of a page).
 */
export function findMrzCandidates(page: OcrPage): MrzCandidate[] {
  const rows: Row[] = [];
  for (const r of joinRows(page.lines)) {
    const text = normalizeMrzText(r.text);
    if (mrzAlphabetShare(text) < MIN_ALPHABET_SHARE) continue;
    const length = LENGTHS.find((n) => Math.abs(text.length - n) <= LENGTH_TOLERANCE);
    // A line without fillers (a visa's line 2 may have none) must have the exact length and digits.
    if (!length || !(text.includes('<') || (text.length === length && /\d/.test(text)))) continue;
    rows.push({ text: text.replace(/[^A-Z0-9<]/g, '<'), score: r.score, box: r.box, length });
  }
  rows.sort((a, b) => middle(a.box) - middle(b.box));
  const groups: Row[][] = [];
  for (const row of rows) {
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    const width = (q: Quad): number => right(q) - left(q);
    const stacked =
      prev &&
      prev.length === row.length &&
      top(row.box) - bottom(prev.box) < 1.5 * height(prev.box) &&
      Math.abs(width(row.box) - width(prev.box)) < 0.15 * width(prev.box);
    if (stacked) group.push(row);
    else groups.push([row]);
  }
  const candidates: MrzCandidate[] = [];
  for (const group of groups.reverse()) {
    const n = group[0].length === 30 ? 3 : 2;
    const picked = group.length >= n ? group.slice(-n) : group.length === 1 && group[0].length === 30 ? group : [];
    if (picked.length === 0) continue;
    if (picked.length === 1 && !picked[0].text.startsWith('C')) continue;
    candidates.push({
      lines: picked.map((r) => fitLength(r.text, r.length)),
      boxes: picked.map((r) => r.box),
      score: picked.reduce((s, r) => s + r.score, 0) / picked.length,
    });
  }
  return candidates;
}
