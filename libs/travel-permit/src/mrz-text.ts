/**
 * Character-level clean-up of OCR readings of a machine-readable zone (ICAO 9303 Part 3 §4: alphabet `A–Z 0–9 <`,
 * OCR-B font). Readings are normalised to that alphabet; the field a position belongs to decides whether a
 * letter/digit look-alike is read as a digit (dates, check digits) or as a letter (codes, names).
 */

/** Glyphs OCR engines return for the filler `<` (chevrons, brackets, a lower-case c). */
const FILLER_GLYPHS = /[«‹〈<(（［[{c]/g;

/** Letters read where only a digit may stand. */
export const AS_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  Q: '0',
  U: '0',
  I: '1',
  L: '1',
  T: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};

/** Digits read where only a letter may stand. */
export const AS_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '6': 'G',
  '8': 'B',
};

/** Capitals OCR returns for a filler between fillers (the chevron's shape). */
const FILLER_LOOK_ALIKES = 'KSXCEL';

/**
 * An OCR line as MRZ text: whitespace dropped, filler glyphs turned into `<`, full-width ASCII folded, upper case.
 * Other characters are kept (the caller decides whether the line is MRZ at all).
 */
export function normalizeMrzText(text: string): string {
  return (
    text
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\s+/g, '')
      .replace(FILLER_GLYPHS, '<')
      .replace(/×/g, 'X')
      .replace(/[θΘ]/g, '0')
      .replace(/℃/g, 'C')
      // The slash is not in the MRZ alphabet; engines return it for a 7 drawn without a foot serif.
      .replace(/\//g, '7')
      .toUpperCase()
  );
}

/** Share of characters of `text` in the MRZ alphabet. */
export function mrzAlphabetShare(text: string): number {
  if (text.length === 0) return 0;
  return (text.match(/[A-Z0-9<]/g)?.length ?? 0) / text.length;
}

/**
 * Brings a reading to `length` characters: the usual error is a long run of fillers counted one or two off, so the
 * longest run of `<` is shortened or lengthened; with no run the end is padded or cut.
 */
export function fitLength(text: string, length: number): string {
  if (text.length === length) return text;
  const runs = [...text.matchAll(/<+/g)];
  const longest = runs.reduce<RegExpExecArray | undefined>(
    (best, r) => (!best || r[0].length >= best[0].length ? (r as RegExpExecArray) : best),
    undefined,
  );
  const diff = length - text.length;
  if (longest && longest[0].length + diff >= 1) {
    const at = longest.index;
    const run = '<'.repeat(longest[0].length + diff);
    return text.slice(0, at) + run + text.slice(at + longest[0].length);
  }
  return diff > 0 ? text + '<'.repeat(diff) : text.slice(0, length);
}

/**
 * Replaces letters read for fillers inside filler runs: a capital of {@link FILLER_LOOK_ALIKES} with `<` before it
 * and `<` (or the end of the field) after it. A name never has a one-letter word between fillers at its tail, so
 * only the part after the last two consecutive letters is touched.
 */
export function fixFillerRuns(field: string): string {
  const lastWord = Math.max(-1, ...[...field.matchAll(/[A-Z0-9]{2}/g)].map((m) => m.index + 2));
  const chars = [...field];
  for (let i = Math.max(1, lastWord); i < chars.length; i++) {
    const after = i + 1 >= chars.length || chars[i + 1] === '<' || FILLER_LOOK_ALIKES.includes(chars[i + 1]);
    if (chars[i - 1] === '<' && after && FILLER_LOOK_ALIKES.includes(chars[i])) chars[i] = '<';
  }
  return chars.join('');
}
