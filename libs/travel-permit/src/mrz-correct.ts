import { correctLookAlikes, icaoCheckDigit, lookAlikePairs } from '@zhengjian/identifiers';
import { compositeText, MRZ_LAYOUTS, type MrzSegment } from './mrz-layout';
import { AS_DIGIT, AS_LETTER, fixFillerRuns } from './mrz-text';
import type { MrzCheck, MrzCheckName, MrzFormat, MrzStateCode } from './mrz.types';
import { correctStateCode } from './state-code';

/** Lines after correction and the check digits they pass or fail. */
export interface MrzCorrection {
  lines: string[];
  checks: MrzCheck[];
  /** State codes replaced by the one listed code a look-alike away ({@link correctStateCode}); absent when none. */
  correctedCodes?: MrzStateCode[];
}

const mapChars = (text: string, map: Readonly<Record<string, string>>): string =>
  [...text].map((c) => map[c] ?? c).join('');

/**
 * Corrects OCR readings of a zone of `format` (lines already normalised and of the format's length): letters where
 * digits stand and digits where letters stand by field type, letters read for fillers, state codes that are no code
 * of ICAO 9303-3 §5 by the one code a look-alike away ({@link correctStateCode}), and in document numbers and
 * optional data the look-alike that makes the field's ICAO 7-3-1 check digit valid (`correctLookAlikes`, only when
 * exactly one candidate passes). Returns the corrected lines, every check digit's outcome and the corrected codes.
 */
export function correctMrz(format: MrzFormat, readLines: readonly string[]): MrzCorrection {
  const layout = MRZ_LAYOUTS[format];
  const lines = readLines.map((l) => [...l]);
  const clean = (): void => {
    // What no field type could map is most likely a filler glyph.
    for (const line of lines) line.forEach((c, i) => (line[i] = /[A-Z0-9<]/.test(c) ? c : '<'));
  };
  const get = (s: MrzSegment): string => lines[s.line].slice(s.start, s.end).join('');
  const put = (s: MrzSegment, text: string): void => {
    lines[s.line].splice(s.start, s.end - s.start, ...text);
  };

  for (const s of layout.segments) {
    const text = get(s);
    switch (s.kind) {
      case 'code':
      case 'state':
        // Codes of digits only are as printed (some national specimens put digits in the nationality field).
        if (/[A-Z]/.test(text)) put(s, mapChars(text, AS_LETTER));
        break;
      case 'name':
        put(s, fixFillerRuns(mapChars(text, AS_LETTER)));
        break;
      case 'date':
        put(s, mapChars(text, AS_DIGIT));
        break;
      case 'check':
        put(s, mapChars(text, AS_DIGIT));
        break;
      case 'filler':
        put(s, '<');
        break;
      case 'sex':
      case 'alnum':
        break;
    }
  }
  if (format === 'CN-CS' || format === 'CN-3x30') {
    // Permit numbers are a letter, a letter or digit, then 7 digits (往来港澳通行证 `C[0-9A-Z]\d{7}`, 往来台湾通行证
    // `L\d{8}`): columns 4–10 of line 1 are digits.
    lines[0].splice(4, 7, ...mapChars(lines[0].slice(4, 11).join(''), AS_DIGIT));
  }
  clean();
  // State codes have no check digit: the list of codes stands for one.
  const correctedCodes: MrzStateCode[] = [];
  for (const s of layout.segments) {
    if (s.kind !== 'state' || !s.state) continue;
    const code = correctStateCode(get(s));
    if (!code.corrected) continue;
    put(s, code.value);
    correctedCodes.push(s.state);
  }
  // Fields with their own check digit: the check digit decides between look-alike readings.
  for (const s of layout.segments) {
    if (s.kind !== 'alnum') continue;
    const checkSeg = s.check && layout.segments.find((c) => c.kind === 'check' && c.check === s.check);
    put(s, fixFillerRuns(get(s)));
    if (!checkSeg) continue;
    if (format === 'TD1' && s.check === 'documentNumber' && get(checkSeg) === '<') {
      correctLongTd1Number(lines[0]);
      continue;
    }
    const corrected = icaoCheckDigit.correctField(get(s) + get(checkSeg), 'alphanumeric');
    if (corrected.reason === 'corrected') {
      put(s, corrected.value.slice(0, -1));
      put(checkSeg, corrected.value.slice(-1));
    }
  }
  correctWithComposite(format, lines);
  const joined = lines.map((l) => l.join(''));
  const checks = mrzChecks(format, joined);
  return correctedCodes.length > 0 ? { lines: joined, checks, correctedCodes } : { lines: joined, checks };
}

// The closest letter/digit confusions of the OCR-B glyphs only: each further one multiplies the readings tried, and
// with them the chance that a wrong one passes both checks.
const LOOK_ALIKES = lookAlikePairs(['O0', 'I1', 'B8', 'S5', 'Z2', 'QO', 'DO']);
const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';
// Optional data of letters only (Chinese passports encode the holder's ID there) loses several letters to digits.
const MAX_COMPOSITE_SUBSTITUTIONS = 3;

/**
 * A free field (document number, optional data) whose own check digit still fails, in a format with a composite
 * check digit: up to {@link MAX_COMPOSITE_SUBSTITUTIONS} look-alikes; of the readings that make both the field's and
 * the composite check digit valid, the one written in one character class ({@link mostUniform}).
 */
function correctWithComposite(format: MrzFormat, lines: string[][]): void {
  const layout = MRZ_LAYOUTS[format];
  const composite = layout.segments.find((c) => c.kind === 'check' && c.check === 'composite');
  if (!composite) return;
  for (const s of layout.segments) {
    const checkSeg = s.kind === 'alnum' && layout.segments.find((c) => c.kind === 'check' && c.check === s.check);
    if (!checkSeg) continue;
    const field = lines[s.line].slice(s.start, s.end).join('');
    const digit = lines[checkSeg.line][checkSeg.start];
    if (icaoCheckDigit.isValidField(field, digit)) continue;
    const passing: string[] = [];
    correctLookAlikes(field, {
      alphabet: MRZ_ALPHABET,
      lookAlikes: LOOK_ALIKES,
      maxSubstitutions: MAX_COMPOSITE_SUBSTITUTIONS,
      isValid: (candidate) => {
        if (!icaoCheckDigit.isValidField(candidate, digit)) return false;
        const trial = lines.map((l) => l.join(''));
        trial[s.line] = trial[s.line].slice(0, s.start) + candidate + trial[s.line].slice(s.end);
        const text = compositeText(format, trial);
        const valid = text !== undefined && icaoCheckDigit.isValidField(text, trial[composite.line][composite.start]);
        if (valid) passing.push(candidate);
        return valid;
      },
    });
    const chosen = mostUniform(passing);
    if (chosen) lines[s.line].splice(s.start, s.end - s.start, ...chosen);
  }
}

/**
 * Of readings that pass both check digits (look-alikes that keep both sums happen: the two checks overlap), the one
 * written in one character class only (letters only or digits only, as such fields are issued), if exactly one is;
 * `undefined` otherwise.
 */
function mostUniform(candidates: readonly string[]): string | undefined {
  const mixed = (c: string): number => {
    const digits = (c.match(/\d/g) ?? []).length;
    const letters = (c.match(/[A-Z]/g) ?? []).length;
    return Math.min(digits, letters);
  };
  const scores = candidates.map(mixed);
  const best = Math.min(...scores);
  return best === 0 && scores.filter((s) => s === best).length === 1 ? candidates[scores.indexOf(best)] : undefined;
}

/** TD1 number over 9 characters: `<` at column 14, the rest and its check digit in the optional data (Part 5 §4.2.2). */
function correctLongTd1Number(line: string[]): void {
  const optional = line.slice(15, 30).join('');
  const end = optional.indexOf('<');
  const tailLength = end < 0 ? 15 : end;
  if (tailLength < 2) return;
  const corrected = icaoCheckDigit.correctField(
    line.slice(5, 14).join('') + optional.slice(0, tailLength),
    'alphanumeric',
  );
  if (corrected.reason !== 'corrected') return;
  line.splice(5, 9, ...corrected.value.slice(0, 9));
  line.splice(15, tailLength, ...corrected.value.slice(9));
}

/** The document number of a TD1 line 1 (joined with its continuation) and its check digit. */
export function td1DocumentNumber(line1: string): { number: string; check: string } {
  if (line1[14] !== '<') return { number: line1.slice(5, 14), check: line1[14] };
  const optional = line1.slice(15, 30);
  const end = optional.indexOf('<');
  const tail = end < 0 ? optional : optional.slice(0, end);
  if (tail.length === 0) return { number: line1.slice(5, 14), check: '<' };
  return { number: line1.slice(5, 14) + tail.slice(0, -1), check: tail.slice(-1) };
}

/** Every check digit of the format, evaluated on `lines` (ICAO 7-3-1; a field and check digit of `<` only pass). */
export function mrzChecks(format: MrzFormat, lines: readonly string[]): MrzCheck[] {
  const layout = MRZ_LAYOUTS[format];
  const checks: MrzCheck[] = [];
  for (const c of layout.segments) {
    if (c.kind !== 'check' || !c.check) continue;
    const digit = lines[c.line][c.start];
    if (c.check === 'composite') {
      const text = compositeText(format, lines);
      checks.push({ name: 'composite', valid: text !== undefined && icaoCheckDigit.isValidField(text, digit) });
      continue;
    }
    if (format === 'TD1' && c.check === 'documentNumber') {
      const { number, check } = td1DocumentNumber(lines[0]);
      checks.push({ name: c.check, valid: icaoCheckDigit.isValidField(number, check) });
      continue;
    }
    const field = layout.segments.find((s) => s.kind !== 'check' && s.check === c.check);
    const text = field ? lines[field.line].slice(field.start, field.end) : '';
    checks.push({ name: c.check as MrzCheckName, valid: icaoCheckDigit.isValidField(text, digit) });
  }
  return checks;
}
