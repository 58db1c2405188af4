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
  /** Per line, how many characters the reading was off the format's length (0: read at the right length). */
  deviations: number[];
  /** Per line, true when the OCR text was not MRZ-like at all (the line joined the zone by its box only). */
  unread: boolean[];
}

const LENGTHS = [30, 36, 44] as const;
// A reading may miss or add a few characters (filler runs miscounted, a split box); more is not an MRZ line.
const LENGTH_TOLERANCE = 3;
const MIN_ALPHABET_SHARE = 0.85;

interface Row {
  text: string;
  score: number;
  box: Quad;
  /** The format's line length, when the reading's own length says it; else taken from the lines beside it. */
  length?: number;
  /** For a line without a sure length: the format length closest to its reading, if any. */
  guess?: number;
  /** Not read as MRZ text at all; joins a zone only by its box (same left edge and width as a zone line). */
  unread?: boolean;
}

// A line may have lost many fillers (long runs of `<` are hard to count, faint ones are not detected): a reading of
// MRZ text with fillers joins a zone from this many characters, by its box's place (left-aligned under the others).
const MIN_SHORT_LINE = 12;
const NAME_LINE = /^[A-Z]{2,}<[A-Z<]{2,}$/;
const TD1_LINE2 = /^[0-9OIS]{6}[0-9OIS<][MFX<][0-9OIS]{6}[0-9OIS<][A-Z<]{3}/;

const left = (q: Quad): number => Math.min(q[0].x, q[3].x);
const right = (q: Quad): number => Math.max(q[1].x, q[2].x);
const middle = (q: Quad): number => (q[0].y + q[1].y + q[2].y + q[3].y) / 4;
const dist = (a: { x: number; y: number }, b: { x: number; y: number }): number => Math.hypot(a.x - b.x, a.y - b.y);
// Measured along the quad's own edges, so that a tilted photo's lines keep their height and spacing.
const height = (q: Quad): number => (dist(q[0], q[3]) + dist(q[1], q[2])) / 2;
const width = (q: Quad): number => (dist(q[0], q[1]) + dist(q[3], q[2])) / 2;

/** The unit vector along the quad's baseline. */
function along(q: Quad): { x: number; y: number } {
  const d = dist(q[0], q[1]) || 1;
  return { x: (q[1].x - q[0].x) / d, y: (q[1].y - q[0].y) / d };
}

/** How far `b`'s centre lies below `a`'s centre, across `a`'s baseline (positive: below). */
function across(a: Quad, b: Quad): number {
  const u = along(a);
  const ca = { x: (a[0].x + a[2].x) / 2, y: (a[0].y + a[2].y) / 2 };
  const cb = { x: (b[0].x + b[2].x) / 2, y: (b[0].y + b[2].y) / 2 };
  return (cb.x - ca.x) * -u.y + (cb.y - ca.y) * u.x;
}

/** How far `b`'s start lies right of `a`'s start, along `a`'s baseline. */
function shift(a: Quad, b: Quad): number {
  const u = along(a);
  return (b[0].x - a[0].x) * u.x + (b[0].y - a[0].y) * u.y;
}

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
      return Math.abs(across(last.box, line.box)) < height(last.box) / 2;
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
  // On a tilted photo the lines' boxes overlap vertically: rows are found in the frame of the text's own slant.
  const angle = textSlant(page.lines);
  if (Math.abs(angle) < MIN_SLANT) return findUpright(page.lines);
  const turn = (q: Quad, a: number): Quad => q.map((p) => rotate(p, a)) as unknown as Quad;
  const lines = page.lines.map((l) => ({ ...l, box: turn(l.box, -angle) }));
  return findUpright(lines).map((c) => ({ ...c, boxes: c.boxes.map((b) => turn(b, angle)) }));
}

// Below this slant (radians, about 1°) boxes are used as they are.
const MIN_SLANT = 0.017;

const rotate = (p: { x: number; y: number }, a: number): { x: number; y: number } => ({
  x: p.x * Math.cos(a) - p.y * Math.sin(a),
  y: p.x * Math.sin(a) + p.y * Math.cos(a),
});

/** The median slant of the page's long lines (top edges at least three times as long as the box is high), radians. */
function textSlant(lines: readonly OcrLine[]): number {
  const angles = lines
    .map((l) => {
      const [a, b, , d] = l.box;
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      return length >= 3 * Math.hypot(d.x - a.x, d.y - a.y) ? Math.atan2(b.y - a.y, b.x - a.x) : undefined;
    })
    .filter((a): a is number => a !== undefined)
    .sort((x, y) => x - y);
  return angles.length ? angles[Math.floor(angles.length / 2)] : 0;
}

function findUpright(lines: readonly OcrLine[]): MrzCandidate[] {
  const rows: Row[] = [];
  for (const r of joinRows(lines)) {
    const text = normalizeMrzText(r.text);
    if (mrzAlphabetShare(text) < MIN_ALPHABET_SHARE) {
      rows.push({ text, score: r.score, box: r.box, unread: true });
      continue;
    }
    const near = LENGTHS.find((n) => Math.abs(text.length - n) <= LENGTH_TOLERANCE);
    // A line ending in fillers says its length only when it has it exactly: the run may have lost any number.
    const uncertain = text.endsWith('<<') && !LENGTHS.some((n) => n === text.length);
    if (uncertain || !near) {
      // A TD1 name line (`ZHANG<<WEI<<…`) read short: letters, then fillers and letters only.
      const nameLine = NAME_LINE.test(text);
      const short = (text.length >= MIN_SHORT_LINE && text.includes('<')) || nameLine;
      rows.push({ text, score: r.score, box: r.box, ...(short ? { guess: near } : { unread: true }) });
      continue;
    }
    const length = near;
    // A line without fillers (a visa's line 2 may have none) must have the exact length and digits.
    if (!(text.includes('<') || (text.length === length && /\d/.test(text)))) {
      rows.push({ text, score: r.score, box: r.box, unread: true });
      continue;
    }
    rows.push({ text, score: r.score, box: r.box, length });
  }
  rows.sort((a, b) => middle(a.box) - middle(b.box));
  const groups: Row[][] = [];
  for (const row of rows) {
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    // Lines of a zone are left-aligned and as wide as each other; a line whose filler run was partly not read at all
    // may be narrower.
    const sameWidth = prev && Math.abs(width(row.box) - width(prev.box)) < 0.15 * width(prev.box);
    const stacked =
      prev &&
      (!(row.unread || prev.unread) || sameWidth) &&
      (prev.length === row.length || !prev.length || !row.length) &&
      across(prev.box, row.box) - (height(prev.box) + height(row.box)) / 2 <
        2 * Math.max(height(prev.box), height(row.box)) &&
      Math.abs(shift(prev.box, row.box)) < 2 * height(prev.box) &&
      (sameWidth || !row.length || !prev.length);
    if (stacked) group.push(row);
    else groups.push([row]);
  }
  const candidates: MrzCandidate[] = [];
  for (const group of groups.reverse()) {
    if (group.length === 1) candidates.push(...lostFirstLine(group[0]));
    const known = group.find((r) => r.length)?.length;
    // No line says its length: three lines are 3 × 30; two are tried as 2 × 44 and 2 × 36 (check digits decide),
    // after the lengths the lines' readings are closest to. Those guesses alone do not do: a keystoned photo loses the
    // far ends of the filler runs, and a 2 × 44 zone's lines then read near 30 and 36 characters.
    const readRows = group.filter((r) => !r.unread).length;
    // A TD1 line 2 (birth date, check, sex, expiry, check, nationality) says 3 × 30 even when read short.
    const td1 = group.findIndex((r) => !r.unread && TD1_LINE2.test(r.text));
    const byRows = readRows >= 3 || td1 > 0 ? [30] : readRows === 2 ? [44, 36] : [];
    const guesses = group.flatMap((r) => (r.guess ? [r.guess] : []));
    const lengths = known ? [known] : [...new Set([...guesses, ...byRows])];
    const zoneRight = Math.max(...group.map((r) => right(r.box)));
    const longest = group.filter((r) => !r.unread).sort((a, b) => b.text.length - a.text.length)[0];
    for (const length of lengths) {
      const rows = group.map((r) => ({
        ...r,
        length,
        box: extendTo(r.box, Math.max(zoneRight, reach(longest, length))),
      }));
      // Its name line (no digits, mostly fillers) may not have been detected at all: its place, one line pitch
      // below, is given to the second recognition pass.
      if (length === 30 && td1 > 0 && td1 === rows.length - 1) {
        const [a, b] = [rows[td1 - 1].box, rows[td1].box];
        const move = (i: number) => ({ x: b[i].x + (b[i].x - a[i].x), y: b[i].y + (b[i].y - a[i].y) });
        rows.push({ text: '', score: 0, length, unread: true, box: [move(0), move(1), move(2), move(3)] });
      }
      const n = length === 30 ? 3 : 2;
      const window = bestWindow(rows, n);
      if (window) candidates.push(candidate(window));
      // The CS line of a Chinese permit stands alone, or heads a zone whose other lines were not all read.
      const head = (window ?? rows).find((r) => !r.unread);
      if (head && length === 30 && /^C[A-Z]/.test(head.text)) candidates.push(candidate([head]));
    }
  }
  return candidates;
}

// A reading this much shorter than its line says where the line ends ({@link reach}); a shorter one says too little.
const MIN_REACH_SHARE = 0.75;

/**
 * Where a line of `length` characters ends, from the reading of `row` (monospaced: its box's width per character
 * read), when the reading is more than a few characters short of `length` (a glyph or two may be lost anywhere in
 * the line; more are lost at its end): a keystoned photo shrinks a line's far end, and text detection then
 * stops before its last glyphs, which the second pass reads only if the box reaches them. `-Infinity` otherwise.
 */
function reach(row: Row | undefined, length: number): number {
  const read = row?.text.length ?? 0;
  if (!row || length - read <= LENGTH_TOLERANCE || read < MIN_REACH_SHARE * length) return -Infinity;
  return left(row.box) + (width(row.box) * length) / read;
}

/** `q` lengthened along its top and bottom edges until its right side reaches `x` (a line cut short by fillers). */
function extendTo(q: Quad, x: number): Quad {
  const stretch = (from: { x: number; y: number }, to: { x: number; y: number }): { x: number; y: number } => {
    const dx = to.x - from.x;
    if (dx <= 0 || to.x >= x) return to;
    const t = (x - to.x) / dx;
    return { x, y: to.y + (to.y - from.y) * t };
  };
  return [q[0], stretch(q[0], q[1]), stretch(q[3], q[2]), q[3]];
}

/** The `n` consecutive rows with the most rows read as MRZ text (the bottom-most on a tie), if there are `n` rows. */
function bestWindow<T extends Row>(rows: readonly T[], n: number): T[] | undefined {
  let best: T[] | undefined;
  let bestRead = 0;
  for (let i = 0; i + n <= rows.length; i++) {
    const window = rows.slice(i, i + n);
    const read = window.filter((r) => !r.unread).length;
    if (read > 0 && read >= bestRead) [best, bestRead] = [window, read];
  }
  return best;
}

function candidate(rows: readonly (Row & { length: number })[]): MrzCandidate {
  return {
    deviations: rows.map((r) => Math.abs(r.text.length - r.length)),
    unread: rows.map((r) => r.unread === true),
    lines: rows.map((r) => fitLength(r.text, r.length)),
    boxes: rows.map((r) => r.box),
    score: rows.reduce((s, r) => s + r.score, 0) / rows.length,
  };
}

// Line pitch of a two-line zone in heights of the line-2 box: ICAO 9303-3 prints the lines 4.23 mm apart (6 lines per
// inch) in a 2.4 mm high OCR-B; print and OCR boxes vary, so the lost line is looked for at a few pitches.
const LINE_PITCHES = [1.4, 1.75, 2.1] as const;

/**
 * Candidates for a zone whose first line the detector did not find (a short name leaves line 1 mostly fillers, which
 * text detection misses): a lone line 2 of a 2 × 44 or 2 × 36 zone (digits, read at its length), with an unread line
 * above it at each of {@link LINE_PITCHES}; the second pass of `readMrz` reads those boxes.
 */
function lostFirstLine(row: Row): MrzCandidate[] {
  if ((row.length !== 44 && row.length !== 36) || (row.text.match(/\d/g)?.length ?? 0) < 10) return [];
  const h = height(row.box);
  return LINE_PITCHES.map((pitch) => {
    const up = (p: { x: number; y: number }): { x: number; y: number } => ({ x: p.x, y: p.y - pitch * h });
    const above: Row & { length: number } = {
      text: '',
      score: 0,
      box: row.box.map(up) as unknown as Quad,
      unread: true,
      length: row.length!,
    };
    return candidate([above, { ...row, length: row.length! }]);
  });
}
