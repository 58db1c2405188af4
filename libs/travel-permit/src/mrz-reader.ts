import { type OcrPage, type Quad, type RgbImage } from '@zhengjian/ocr';
import { findMrzCandidates, type MrzCandidate } from './mrz-locate';
import { detectMrzFormat, parseMrz, type ParseMrzOptions } from './mrz-parser';
import { fitLength, mrzAlphabetShare, normalizeMrzText } from './mrz-text';
import type { MrzResult } from './mrz.types';

/** The engine's region recognition (`OcrEngine.readRegions`), for the second pass. */
export interface RegionRecognizer {
  readRegions(
    image: RgbImage,
    page: Pick<OcrPage, 'rotation' | 'width' | 'height'>,
    quads: readonly Quad[],
    options?: { minScore?: number },
  ): Promise<{ text: string; score: number }[]>;
}

/** Options of {@link readMrz}. */
export interface ReadMrzOptions extends ParseMrzOptions {
  /** With `image` (the decoded image given to `read`): re-read the zone's lines when a check digit fails. */
  engine?: RegionRecognizer;
  image?: RgbImage;
  /** `lines`: OCR lines only; `reread`: the second pass only; `both` (default): the second pass decides by check digits. */
  passes?: 'lines' | 'reread' | 'both';
}

/** A zone read from a page, with the boxes of its lines in upright-page pixels. */
export interface MrzReading extends MrzResult {
  boxes: Quad[];
}

const validCount = (r: MrzResult): number => r.checks.filter((c) => c.valid).length;
const failedCount = (r: MrzResult): number => r.checks.length - validCount(r);

/**
 * Reads the machine-readable zone of an OCR page: finds MRZ lines ({@link findMrzCandidates}), corrects and parses
 * them ({@link parseMrz}). With an engine and the image, when a check digit fails or a line was read far off its
 * length, a second recognition pass reads each line's box again (widened for the OCR-B glyphs' margins; whole, and in
 * pieces cut on the character grid), giving more readings per line. Of all candidates and combinations of readings,
 * the one with the fewest failed, then the most valid check digits wins; then the larger zone; then the one whose
 * readings needed the least length fitting (a line the first pass read as MRZ text keeps that reading unless check
 * digits say otherwise). Returns `undefined` when the page has no zone.
 */
export async function readMrz(page: OcrPage, options: ReadMrzOptions = {}): Promise<MrzReading | undefined> {
  const passes = options.passes ?? 'both';
  let best: (MrzReading & { penalty: number }) | undefined;
  for (const candidate of findMrzCandidates(page)) {
    // First-pass readings cost nothing unless the line was not read as MRZ text at all.
    const readings: Reading[][] = candidate.lines.map((text, i) => [
      { text, penalty: candidate.unread[i] ? text.length : 0 },
    ]);
    if (passes !== 'lines' && options.engine && options.image) {
      const first = tryParse(candidate.lines, options);
      // Lines without a check digit (names, optional data) are read again when their length was off.
      const unsure = candidate.unread.some(Boolean) || candidate.deviations.some((d) => d > LENGTH_TOLERANCE);
      if (passes === 'reread' || !first?.valid || unsure) {
        const again = await reread(options.engine, options.image, page, candidate);
        // A second-pass reading of a line the first pass did read wins only through check digits.
        again.forEach((more, i) => {
          if (!candidate.unread[i]) for (const r of more) r.penalty += 1;
        });
        again.forEach((more, i) => {
          if (more.length > 0) readings[i] = passes === 'reread' ? more : [...readings[i], ...more];
        });
      }
    }
    for (const choice of combinations(readings)) {
      const parsed = tryParse(
        choice.map((r) => r.text),
        options,
      );
      if (!parsed) continue;
      const scored = { ...parsed, boxes: candidate.boxes, penalty: choice.reduce((s, r) => s + r.penalty, 0) };
      if (!best || better(scored, best)) best = scored;
    }
  }
  if (!best) return undefined;
  const { penalty: _penalty, ...reading } = best;
  return reading;
}

interface Reading {
  text: string;
  /**
   * Tie-break cost: 0 for a first-pass line read as MRZ text; else the characters the reading was off the line's
   * length before fitting (plus one for a second-pass reading of a line the first pass did read).
   */
  penalty: number;
}

// Readings within this many characters of the line length are trusted as read.
const LENGTH_TOLERANCE = 3;

/**
 * Fewer failed check digits wins (formats have different numbers of them: a visa misread as a passport must not win
 * by its extra digits); then more valid ones; then the larger zone (3 × 30 over its CS line alone); then the lower
 * penalty.
 */
function better(a: MrzResult & { penalty: number }, b: MrzResult & { penalty: number }): boolean {
  const byFailures = failedCount(a) - failedCount(b);
  if (byFailures !== 0) return byFailures < 0;
  const byChecks = validCount(a) - validCount(b);
  if (byChecks !== 0) return byChecks > 0;
  if (a.lines.length !== b.lines.length) return a.lines.length > b.lines.length;
  return a.penalty < b.penalty;
}

function tryParse(lines: readonly string[], options: ParseMrzOptions): MrzResult | undefined {
  return detectMrzFormat(lines) ? parseMrz(lines, options) : undefined;
}

/** Every choice of one reading per line (at most 3³). */
function combinations(readings: readonly Reading[][]): Reading[][] {
  return readings.reduce<Reading[][]>((acc, options) => acc.flatMap((a) => options.map((o) => [...a, o])), [[]]);
}

// OCR boxes hug the glyphs; a margin of a fifth of the line height each side keeps the chevrons' tips.
const MARGIN = 0.2;

// The second pass also reads each line in this many pieces cut on the character grid: a short run of fillers is
// counted far more reliably than the long runs of a whole line.
const PIECES = 3;

/**
 * Reads each line's widened box again, whole and in {@link PIECES} pieces cut at character boundaries (the zone is
 * monospaced: a line of n characters is n equal cells), each piece fitted to its own length. Per line: the readings
 * that look like MRZ text.
 */
async function reread(
  engine: RegionRecognizer,
  image: RgbImage,
  page: OcrPage,
  candidate: MrzCandidate,
): Promise<Reading[][]> {
  const quads: Quad[] = [];
  const cuts = candidate.lines.map((line) => {
    const n = line.length;
    return Array.from({ length: PIECES + 1 }, (_, k) => Math.round((k * n) / PIECES));
  });
  candidate.boxes.forEach((box, i) => {
    quads.push(widen(box, page.width, page.height));
    const n = candidate.lines[i].length;
    for (let k = 0; k < PIECES; k++)
      quads.push(widen(slice(box, cuts[i][k] / n, cuts[i][k + 1] / n), page.width, page.height, false));
  });
  // Every reading is kept (no score floor): the check digits decide between them.
  const results = await engine.readRegions(image, page, quads, { minScore: 0 });
  return candidate.lines.map((line, i) => {
    const [whole, ...pieces] = results
      .slice(i * (PIECES + 1), (i + 1) * (PIECES + 1))
      .map((r) => normalizeMrzText(r.text));
    const readings: Reading[] = [];
    const length = line.length;
    if (mrzAlphabetShare(whole) >= 0.85 && whole.length >= length / 2)
      readings.push({ text: fitLength(whole, length), penalty: Math.abs(whole.length - length) });
    // The recognizer returns nothing (or one stray glyph) for a piece of fillers only: such a piece is read as
    // fillers, its length counted in the penalty so that a reading with text wins a tie.
    const asFillers = (p: string): boolean => p.length <= 2 && !/[A-Z0-9]/.test(p);
    if (pieces.every((p) => asFillers(p) || mrzAlphabetShare(p) >= 0.85)) {
      const sizes = pieces.map((_, k) => cuts[i][k + 1] - cuts[i][k]);
      const text = pieces.map((p, k) => fitLength(asFillers(p) ? '' : p, sizes[k])).join('');
      const penalty = pieces.reduce((d, p, k) => d + (asFillers(p) ? sizes[k] : Math.abs(p.length - sizes[k])), 0);
      readings.push({ text, penalty });
    }
    return readings;
  });
}

/** The part of quad `q` between fractions `from` and `to` of its width (along its top and bottom edges). */
function slice(q: Quad, from: number, to: number): Quad {
  const at = (p: { x: number; y: number }, r: { x: number; y: number }, t: number): { x: number; y: number } => ({
    x: p.x + (r.x - p.x) * t,
    y: p.y + (r.y - p.y) * t,
  });
  return [at(q[0], q[1], from), at(q[0], q[1], to), at(q[3], q[2], to), at(q[3], q[2], from)];
}

function widen(q: Quad, width: number, height: number, sideways = true): Quad {
  const h = Math.max(q[3].y - q[0].y, q[2].y - q[1].y);
  const d = MARGIN * h;
  const dx = sideways ? d : 0;
  const clampX = (x: number): number => Math.min(width - 1, Math.max(0, x));
  const clampY = (y: number): number => Math.min(height - 1, Math.max(0, y));
  return [
    { x: clampX(q[0].x - dx), y: clampY(q[0].y - d) },
    { x: clampX(q[1].x + dx), y: clampY(q[1].y - d) },
    { x: clampX(q[2].x + dx), y: clampY(q[2].y + d) },
    { x: clampX(q[3].x - dx), y: clampY(q[3].y + d) },
  ];
}
