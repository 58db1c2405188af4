import { COMMON_LOOK_ALIKES, type Correction, correctLookAlikes } from './look-alike';
import { normalizeIdentifier } from './normalize';

/**
 * 车辆识别代号 (VIN), ISO 3779: 17 characters of `0–9 A–Z` without I, O, Q: WMI (1–3), VDS (4–9), VIS (10–17).
 * ISO 3779 itself defines no check digit; the 9th-position check digit (transliteration A1 B2 … Z9, weights
 * 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, Σ mod 11, 10 → `X`) is required in North America (49 CFR 565) and in China
 * (GB 16735). A VIN from elsewhere is valid without it: `parse` reports `formatValid` and `checkDigitValid` apart.
 */

export const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const FORMAT = /^[0-9A-HJ-NPR-Z]{17}$/;
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
 * Corrects an OCR reading by look-alikes (I → 1, O/Q → 0, 8 ↔ B, 5 ↔ S…). With `requireCheckDigit` (default) a
 * candidate must pass the check digit; without it only characters no VIN has (I, O, Q) are replaced.
 */
function correct(reading: string, requireCheckDigit = true): Correction {
  return correctLookAlikes(normalizeIdentifier(reading), {
    alphabet: VIN_ALPHABET,
    lookAlikes: COMMON_LOOK_ALIKES,
    maxSubstitutions: requireCheckDigit ? 1 : 0,
    isValid: (candidate) => isValid(candidate, requireCheckDigit),
  });
}

/** ISO 3779 VIN with the North-American / GB 16735 check digit: `parse`, `isValid`, `checkDigit`, `correct`. */
export const vin = { parse, isValid, checkDigit, correct } as const;
