import { type OcrPage, type Quad, type RgbImage } from '@zhengjian/ocr';
import { findMrzCandidates, type MrzCandidate } from './mrz-locate';
import { detectMrzFormat, parseMrz, type ParseMrzOptions } from './mrz-parser';
import { fitLength, mrzAlphabetShare, normalizeMrzText } from './mrz-text';
import { unlistedStateCode } from './state-code';
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
 * readings lost the fewest letters and digits (a line read with fewer than another reading of it has lost some), then
 * needed the least length fitting (a line the first pass read as MRZ text keeps that reading unless check digits or
 * lost glyphs say otherwise). Returns `undefined` when the page has no zone.
 */
export async function readMrz(page: OcrPage, options: ReadMrzOptions = {}): Promise<MrzReading | undefined> {
  const passes = options.passes ?? 'both';
  let best: (MrzReading & { penalty: number }) | undefined;
  for (const candidate of findMrzCandidates(page)) {
    // First-pass readings cost nothing unless the line was not read as MRZ text at all.
    const readings: Reading[][] = candidate.lines.map((text, i) =>
      candidate.unread[i] ? [{ text, penalty: text.length, unread: true }] : [{ text, penalty: 0 }],
    );
    if (passes !== 'lines' && options.engine && options.image) {
      const first = tryParse(candidate.lines, options);
      // Lines without a check digit (names, optional data) are read again when their length was off.
      // So are lines whose state code is no code even after correction (a glyph lost or added before it).
      const unsure =
        candidate.unread.some(Boolean) ||
        candidate.deviations.some((d) => d > LENGTH_TOLERANCE) ||
        (first !== undefined && unlistedStateCode(first));
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
    const consider = (lines: readonly Reading[][]): (MrzReading & { penalty: number }) | undefined => {
      let top: (MrzReading & { penalty: number }) | undefined;
      const most = lines.map((line) => Math.max(...line.map(glyphs)));
      for (const choice of combinations(lines)) {
        const parsed = tryParse(
          choice.map((r) => r.text),
          options,
        );
        if (!parsed) continue;
        const penalty = choice.reduce((s, r, i) => s + LOST_GLYPH * (most[i] - glyphs(r)) + r.penalty, 0);
        const scored = { ...parsed, boxes: candidate.boxes, penalty };
        if (!top || better(scored, top)) top = scored;
      }
      return top;
    };
    let own = consider(readings);
    // Mixed readings are many: they are tried only when no reading passes every check digit.
    if (own && failedCount(own) > 0 && readings.some((line) => line.some((r) => r.slots)))
      own = consider(readings.map((line) => [...line, ...mixes(line)]));
    if (own && (!best || better(own, best))) best = own;
  }
  if (!best) return undefined;
  const { penalty: _penalty, ...reading } = best;
  return reading;
}

// OCR drops glyphs of a monospaced zone far more often than it invents them: of a line's readings, one with fewer
// letters and digits than another has lost some, whatever its length says. Each lost glyph outweighs any fitting.
const LOST_GLYPH = 100;

/** Letters and digits of a reading of MRZ text (a line not read as MRZ text has none). */
const glyphs = (r: Reading): number => (r.unread ? 0 : (r.text.match(/[A-Z0-9]/g)?.length ?? 0));

interface Reading {
  text: string;
  /** A first-pass line not read as MRZ text (it joined the zone by its box). */
  unread?: boolean;
  /** The pieces' reading: each piece's text as fitted to its cells, and what it cost. */
  slots?: { text: string; penalty: number }[];
  /**
   * Tie-break cost after lost glyphs ({@link LOST_GLYPH}): 0 for a first-pass line read as MRZ text; else the
   * characters the reading was off the line's (or its pieces') length before fitting, pieces read as fillers only
   * costing nothing (plus one for a second-pass reading of a line the first pass did read).
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

/** Every choice of one reading per line. */
function combinations(readings: readonly Reading[][]): Reading[][] {
  return readings.reduce<Reading[][]>((acc, options) => acc.flatMap((a) => options.map((o) => [...a, o])), [[]]);
}

// A line with this many digits carries check digits, which can tell mixed readings apart; a name line has none.
const MIN_CHECKED_DIGITS = 6;

/**
 * Readings of a line that take some of its pieces from a whole-line reading and the others from the pieces' reading:
 * a line read whole that lost a character is still right in its cells on the far side of the loss (its filler run
 * absorbs the fit), and a piece may lose a glyph at its edge that the whole line kept. Only for lines with check
 * digits (they decide); each costs both sources' penalties plus one, so that a pure reading wins a tie.
 */
function mixes(line: readonly Reading[]): Reading[] {
  const pieces = line.find((r) => r.slots);
  if (!pieces?.slots || (pieces.text.match(/\d/g)?.length ?? 0) < MIN_CHECKED_DIGITS) return [];
  const slots = pieces.slots;
  const starts = slots.map((_, k) => slots.slice(0, k).reduce((n, t) => n + t.text.length, 0));
  const seen = new Set(line.map((r) => r.text));
  const mixed: Reading[] = [];
  for (const whole of line.filter((r) => !r.slots && r.text.length === pieces.text.length)) {
    // The whole line's cells before piece `cut`, or from it on (one side of the loss).
    for (let cut = 1; cut < slots.length; cut++)
      for (const fromWhole of [(k: number) => k < cut, (k: number) => k >= cut]) {
        let text = '';
        let penalty = whole.penalty + 1;
        slots.forEach((slot, k) => {
          if (fromWhole(k)) text += whole.text.slice(starts[k], starts[k] + slot.text.length);
          else [text, penalty] = [text + slot.text, penalty + slot.penalty];
        });
        if (seen.has(text)) continue;
        seen.add(text);
        mixed.push({ text, penalty });
      }
  }
  return mixed;
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
    // The recognizer returns nothing (or a few stray glyphs, or a miscounted run) for a piece of fillers only: such a
    // piece is read as fillers, at no cost, since a run of fillers cannot be miscounted once fitted to its cells.
    const asFillers = (p: string): boolean => (p.length <= 2 && !/[A-Z0-9]/.test(p)) || /^<+$/.test(p);
    if (pieces.every((p) => asFillers(p) || mrzAlphabetShare(p) >= 0.85)) {
      const sizes = pieces.map((_, k) => cuts[i][k + 1] - cuts[i][k]);
      const slots = pieces.map((p, k) => ({
        text: fitLength(asFillers(p) ? '' : p, sizes[k]),
        penalty: asFillers(p) ? 0 : Math.abs(p.length - sizes[k]),
      }));
      readings.push({
        text: slots.map((t) => t.text).join(''),
        penalty: slots.reduce((d, t) => d + t.penalty, 0),
        slots,
      });
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
