import type { RecognitionWarning } from '../recognizer';

/** A value read from the text found for a field, in the contract's format. */
export interface ParsedValue {
  /** The value as the result returns it (`card-types.md` format of the key). */
  value: string;
  /** Multiplies the OCR confidence (below 1 when a check had to correct the reading). Default 1. */
  factor?: number;
  warnings?: RecognitionWarning[];
  /** Further values the same print carries (a range's start and end…), by part name; a field's `into` maps them. */
  parts?: Record<string, string>;
}

/**
 * Turns the text found for a field (white space removed, full-width ASCII folded) into its value, or `undefined`
 * when nothing usable is there. Pure; never throws.
 */
export type ValueParser = (text: string) => ParsedValue | undefined;

/** Han characters (CJK unified ideographs, extension A). */
const HAN = '\\u3400-\\u9fff';

/**
 * Free text: keeps the characters `keep` allows (default: Han characters, ASCII letters and digits, `·()-（）`),
 * at least `minLength` of them (default 1).
 */
export function text(options: { keep?: RegExp; minLength?: number } = {}): ValueParser {
  const keep = options.keep ?? new RegExp(`[${HAN}A-Za-z0-9·()（）\\-]`, 'u');
  return (raw) => {
    const value = [...raw].filter((c) => keep.test(c)).join('');
    return value.length >= (options.minLength ?? 1) ? { value } : undefined;
  };
}

/**
 * A person's name in Chinese: Han characters and the middle dot of transcribed names (`•` and `.` read as `·`), at
 * least `minLength` characters (default 2; 1 where a character the model lacks may have vanished from a name).
 */
export function chineseName(options: { minLength?: number } = {}): ValueParser {
  return (raw) => {
    const value = raw
      .replace(/[•.．]/g, '·')
      .replace(new RegExp(`[^${HAN}·]`, 'gu'), '')
      .replace(/^·+/, '');
    // Trailing dots cut with a loop: `/·+$/` is quadratic on a long run of dots followed by anything else.
    let end = value.length;
    while (end > 0 && value[end - 1] === '·') end -= 1;
    const name = value.slice(0, end);
    return name.length >= (options.minLength ?? 2) ? { value: name } : undefined;
  };
}

/** The first match of `pattern` (its first capture group when it has one), optionally mapped by `emit`. */
export function token(pattern: RegExp, emit: (match: string) => string = (m) => m): ValueParser {
  return (raw) => {
    const m = pattern.exec(raw);
    if (!m) return undefined;
    return { value: emit(m[1] ?? m[0]) };
  };
}

/**
 * A quantity with its unit as printed (`5人`, `1500kg`, `4750×1800×1450mm`): digits, the unit required in the
 * result; OCR's `x`/`X`/`*` between dimensions is read as `×`.
 */
export function quantity(unit: string, dimensions = 1): ValueParser {
  const number = '(\\d{1,6})';
  const between = '[×xX*]';
  const pattern = new RegExp(Array.from({ length: dimensions }, () => number).join(between));
  return (raw) => {
    const m = pattern.exec(raw);
    if (!m) return undefined;
    return { value: `${m.slice(1, dimensions + 1).join('×')}${unit}` };
  };
}

/**
 * A value printed in Han characters followed by its romanisation (`高GAO`, `重庆/CHONGQING`, as bilingual documents
 * print names and places): the Han characters as the value (at least `minLength`, default 1), the Latin letters
 * (upper-cased, `-` kept) as part `latin`. A value printed in Latin letters only gives part `latin` alone.
 */
export function hanWithLatin(options: { minLength?: number } = {}): ValueParser {
  return (raw) => {
    const han = raw.replace(new RegExp(`[^${HAN}·]`, 'gu'), '');
    const latin = raw
      .replace(new RegExp(`[${HAN}]`, 'gu'), '')
      .replace(/[^A-Za-z-]/g, '')
      .split('-')
      .filter(Boolean)
      .join('-')
      .toUpperCase();
    const value = han.length >= (options.minLength ?? 1) ? han : '';
    if (!value && latin.length < 2) return undefined;
    return { value, ...(latin.length >= 2 ? { parts: { latin } } : {}) };
  };
}
