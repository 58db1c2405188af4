import { COMMON_LOOK_ALIKES, type Correction, correctLookAlikes } from './look-alike';
import { DIGITS, normalizeIdentifier } from './normalize';

/**
 * 统一社会信用代码 (USCC), GB 32100-2015: 18 characters from the 31-character alphabet `0–9 A–Z` without I, O, S, V,
 * Z: 登记管理部门代码 (1), 机构类别代码 (2), 登记管理机关行政区划码 (3–8, digits, GB/T 2260), 主体标识码 (9–17, a GB 11714
 * 组织机构代码) and a check character: alphabet[(31 − Σ value × weight mod 31) mod 31] with weights
 * 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. The check character may be `0`.
 *
 * Some codes issued before the standard took effect (2016) fail the check though legally issued: `parse` reports
 * `formatValid` and `checkValid` apart so that callers can accept such a code with a warning.
 */

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** 登记管理机关行政区划码 (characters 3–8) is numeric; every other position takes the whole alphabet. */
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export interface UsccParse {
  /** `formatValid && checkValid`. */
  valid: boolean;
  formatValid: boolean;
  checkValid: boolean;
  /** The text compared (whitespace removed, upper-case). */
  code: string;
  /** Set once the format is right. */
  expectedCheckCharacter?: string;
  registrationAuthority?: string;
  category?: string;
  regionCode?: string;
  /** Characters 9–17, the subject's GB 11714 organisation code. */
  organizationCode?: string;
}

/** The check character of the first 17 characters, or `undefined` when they are not 17 alphabet characters. */
function checkCharacter(first17: string): string | undefined {
  if (!FORMAT.test(`${first17}0`)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Parses a USCC (whitespace ignored, lower case accepted). Never throws. */
function parse(text: string): UsccParse {
  const code = normalizeIdentifier(text);
  if (!FORMAT.test(code)) return { valid: false, formatValid: false, checkValid: false, code };
  const expectedCheckCharacter = checkCharacter(code.slice(0, 17));
  const checkValid = expectedCheckCharacter === code[17];
  return {
    valid: checkValid,
    formatValid: true,
    checkValid,
    code,
    expectedCheckCharacter,
    registrationAuthority: code[0],
    category: code[1],
    regionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
  };
}

/**
 * Corrects an OCR reading by look-alikes within the USCC alphabet (O → 0, I → 1, S → 5, Z → 2, 8 ↔ B…), characters
 * 3–8 being digits.
 */
function correct(reading: string): Correction {
  return correctLookAlikes(normalizeIdentifier(reading), {
    alphabet: (index) => (index >= 2 && index < 8 ? DIGITS : USCC_ALPHABET),
    lookAlikes: COMMON_LOOK_ALIKES,
    isValid: (candidate) => parse(candidate).valid,
  });
}

/** GB 32100 统一社会信用代码: `parse`, `isValid`, `checkCharacter`, `correct`. */
export const uscc = {
  parse,
  isValid: (text: string): boolean => parse(text).valid,
  checkCharacter,
  correct,
} as const;
