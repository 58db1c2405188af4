import { COMMON_LOOK_ALIKES, type Correction, correctLookAlikes } from './look-alike';
import { normalizeIdentifier } from './normalize';

/**
 * 车辆识别代号 (VIN), ISO 3779: 17 characters of `0–9 A–Z` without I, O, Q: WMI (1–3), VDS (4–9), VIS (10–17),
 * the last four characters of the VIS always digits (ISO 3779 §5.4.3, GB 16735 §5.4.3).
 * ISO 3779 itself defines no check digit; the 9th-position check digit (transliteration A1 B2 … Z9, weights
 * 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, Σ mod 11, 10 → `X`) is required in North America (49 CFR 565) and in China
 * (GB 16735). A VIN from elsewhere is valid without it: `parse` reports `formatValid` and `checkDigitValid` apart.
 */

export const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const FORMAT = /^[0-9A-HJ-NPR-Z]{13}\d{4}$/;
const DIGITS = '0123456789';

/** The characters VIN position `index` (0-based) allows: digits in the last four, {@link VIN_ALPHABET} elsewhere. */
export function vinAlphabetAt(index: number): string {
  return index >= 13 ? DIGITS : VIN_ALPHABET;
}
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
// prettier-ignore
const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

export interface VinParse {
  formatValid: boolean;
  /** The 9th character equals the computed check digit (false when the format is wrong). */
  checkDigitValid: boolean;
  /** The text compared (whitespace removed, upper-case). */
  vin: string;
  /** Set once the format is right. */
  expectedCheckDigit?: string;
  wmi?: string;
  vds?: string;
  vis?: string;
}

/** The check digit (`0`–`9` or `X`) of a VIN in the right format, or `undefined` otherwise. */
function checkDigit(vin: string): string | undefined {
  if (!FORMAT.test(vin)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (TRANSLITERATION[vin[i]] ?? Number(vin[i])) * WEIGHTS[i];
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Parses a VIN (whitespace ignored, lower case accepted). Never throws. */
function parse(text: string): VinParse {
  const vin = normalizeIdentifier(text);
  if (!FORMAT.test(vin)) return { formatValid: false, checkDigitValid: false, vin };
  const expectedCheckDigit = checkDigit(vin);
  return {
    formatValid: true,
    checkDigitValid: expectedCheckDigit === vin[8],
    vin,
    expectedCheckDigit,
    wmi: vin.slice(0, 3),
    vds: vin.slice(3, 9),
    vis: vin.slice(9),
  };
}

/**
 * True when `text` is a VIN in the right format and, unless `requireCheckDigit` is false, its check digit is right
 * (the Chinese and North-American rule, the default).
 */
function isValid(text: string, requireCheckDigit = true): boolean {
  const parsed = parse(text);
  return parsed.formatValid && (parsed.checkDigitValid || !requireCheckDigit);
}

/**
 * True when the VIN's region mandates the 9th-position check digit, read from the WMI's first character (ISO 3780
 * region codes): `L`, China (GB 16735), and `1`–`5`, North America (49 CFR 565). A VIN from elsewhere (a European
 * or Japanese import) may use position 9 for something else.
 */
function checkDigitMandated(text: string): boolean {
  return /^[1-5L]/.test(normalizeIdentifier(text));
}

/**
 * Corrects an OCR reading by look-alikes (I → 1, O/Q → 0, 8 ↔ B, 5 ↔ S…). A character no position holds is always
 * replaced (I, O, Q anywhere; a letter in the last four, e.g. `Z` → `2`). With `requireCheckDigit` (default) a
 * candidate must pass the check digit, and where the region mandates it ({@link checkDigitMandated}) one further
 * look-alike change may be made when exactly one passes; elsewhere a reading that fails the check is left as printed
 * (`invalid`): on an imported car's VIN, whose 9th character need not be a check digit, such a "correction" would
 * be a guess. Without `requireCheckDigit` only the characters no position holds are replaced.
 */
function correct(reading: string, requireCheckDigit = true): Correction {
  const normalized = normalizeIdentifier(reading);
  return correctLookAlikes(normalized, {
    alphabet: vinAlphabetAt,
    lookAlikes: COMMON_LOOK_ALIKES,
    maxSubstitutions: requireCheckDigit && checkDigitMandated(normalized) ? 1 : 0,
    isValid: (candidate) => isValid(candidate, requireCheckDigit),
  });
}

/**
 * ISO 3779 VIN with the North-American / GB 16735 check digit: `parse`, `isValid`, `checkDigit`,
 * `checkDigitMandated`, `correct`.
 */
export const vin = { parse, isValid, checkDigit, checkDigitMandated, correct } as const;
