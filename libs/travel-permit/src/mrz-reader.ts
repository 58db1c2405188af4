import { rotateRgb, type OcrPage, type Quad, type RgbImage } from '@zhengjian/ocr';
import { findMrzCandidates, type MrzCandidate } from './mrz-locate';
import { detectMrzFormat, parseMrz, type ParseMrzOptions } from './mrz-parser';
import { fitLength, mrzAlphabetShare, normalizeMrzText } from './mrz-text';
import type { MrzResult } from './mrz.types';

/** The engine's region recognition (`OcrEngine.recognizeRegions`), for the second pass. */
export interface RegionRecognizer {
  recognizeRegions(page: RgbImage, quads: readonly Quad[]): Promise<{ text: string; score: number }[]>;
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

/**
 * Reads the machine-readable zone of an OCR page: finds MRZ lines ({@link findMrzCandidates}), corrects and parses
 * them ({@link parseMrz}), and keeps the candidate with the most valid check digits. With an engine and the image, a
 * second recognition pass over each line's box (widened for the OCR-B glyphs' margins) gives a second reading of each
 * line; of the combinations of readings, the one with the most valid check digits wins (first pass on a tie).
 * Returns `undefined` when the page has no zone.
 */
export async function readMrz(page: OcrPage, options: ReadMrzOptions = {}): Promise<MrzReading | undefined> {
  const passes = options.passes ?? 'both';
  let best: MrzReading | undefined;
  for (const candidate of findMrzCandidates(page)) {
    const readings: string[][] = candidate.lines.map((l) => [l]);
    if (passes !== 'lines' && options.engine && options.image) {
      const first = tryParse(candidate.lines, options);
      if (passes === 'reread' || !first?.valid) {
        const again = await reread(options.engine, options.image, page, candidate);
        again.forEach((text, i) => {
          if (text) readings[i] = passes === 'reread' ? [text] : [...readings[i], text];
        });
      }
    }
    for (const lines of combinations(readings)) {
      const parsed = tryParse(lines, options);
      if (parsed && (!best || validCount(parsed) > validCount(best))) best = { ...parsed, boxes: candidate.boxes };
    }
  }
  return best;
}

function tryParse(lines: readonly string[], options: ParseMrzOptions): MrzResult | undefined {
  return detectMrzFormat(lines) ? parseMrz(lines, options) : undefined;
}

/** Every choice of one reading per line (at most 2³). */
function combinations(readings: readonly string[][]): string[][] {
  return readings.reduce<string[][]>((acc, options) => acc.flatMap((a) => options.map((o) => [...a, o])), [[]]);
}

// OCR boxes hug the glyphs; a margin of a fifth of the line height each side keeps the chevrons' tips.
const MARGIN = 0.2;

/** Reads each line's widened box again; `undefined` where the reading is not an MRZ line of the right length. */
async function reread(
  engine: RegionRecognizer,
  image: RgbImage,
  page: OcrPage,
  candidate: MrzCandidate,
): Promise<(string | undefined)[]> {
  const upright = page.rotation === 0 ? image : rotateRgb(image, page.rotation);
  const quads = candidate.boxes.map((q) => widen(q, page.width, page.height));
  const results = await engine.recognizeRegions(upright, quads);
  return results.map((r, i) => {
    const text = normalizeMrzText(r.text);
    const length = candidate.lines[i].length;
    if (mrzAlphabetShare(text) < 0.85 || Math.abs(text.length - length) > 3) return undefined;
    return fitLength(text, length);
  });
}

function widen(q: Quad, width: number, height: number): Quad {
  const h = Math.max(q[3].y - q[0].y, q[2].y - q[1].y);
  const d = MARGIN * h;
  const clampX = (x: number): number => Math.min(width - 1, Math.max(0, x));
  const clampY = (y: number): number => Math.min(height - 1, Math.max(0, y));
  return [
    { x: clampX(q[0].x - d), y: clampY(q[0].y - d) },
    { x: clampX(q[1].x + d), y: clampY(q[1].y - d) },
    { x: clampX(q[2].x + d), y: clampY(q[2].y + d) },
    { x: clampX(q[3].x - d), y: clampY(q[3].y + d) },
  ];
}
