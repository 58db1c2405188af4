import { COMMON_LOOK_ALIKES, type Correction, correctLookAlikes } from './look-alike';
import { DIGITS, LATIN_CAPITALS, normalizeIdentifier } from './normalize';

/**
 * Taiwan national identification number (中華民國國民身分證統一編號) and, since 2021, the new-style uniform ID of
 * resident certificates (新式外來人口統一證號): a letter (the registering city or county), `1`/`2` (male/female; `8`/`9`
 * in the new resident numbers), 7 digits and a check digit. The letter counts as two digits (A10 B11 C12 D13 E14 F15
 * G16 H17 I34 J18 K19 L20 M21 N22 O35 P23 Q24 R25 S26 T27 U28 V29 W32 X30 Y31 Z33); with the 9 digits after it and
 * weights 1 9 8 7 6 5 4 3 2 1 1, Σ ≡ 0 mod 10 (Ministry of the Interior rule). The old resident-certificate form
 * with a second letter is not covered.
 */

const LETTER_VALUES = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
const FORMAT = /^[A-Z][1289]\d{8}$/;
const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1];

export interface TaiwanIdParse {
  valid: boolean;
  formatValid: boolean;
  checkValid: boolean;
  number: string;
  /** `男`/`女` from the second character, once the format is right. */
  sex?: '男' | '女';
  /** True for `8`/`9`: a resident certificate number, not a national ID. */
  resident?: boolean;
}

/** The check digit of a letter + 8 digits (`A12345678`), or `undefined` when not in that shape. */
function checkDigit(body: string): string | undefined {
  if (!/^[A-Z][1289]\d{7}$/.test(body)) return undefined;
  const letter = String(LETTER_VALUES.indexOf(body[0]) + 10);
  const digits = letter + body.slice(1);
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * WEIGHTS[i];
  return String((10 - (sum % 10)) % 10);
}

/** Parses `A123456789` (whitespace ignored, lower case accepted). Never throws. */
function parse(text: string): TaiwanIdParse {
  const number = normalizeIdentifier(text);
  if (!FORMAT.test(number)) return { valid: false, formatValid: false, checkValid: false, number };
  const checkValid = checkDigit(number.slice(0, 9)) === number[9];
  return {
    valid: checkValid,
    formatValid: true,
    checkValid,
    number,
    sex: number[1] === '1' || number[1] === '8' ? '男' : '女',
    resident: number[1] === '8' || number[1] === '9',
  };
}

/** Corrects an OCR reading by look-alikes: a letter, then 9 digits. */
function correct(reading: string): Correction {
  return correctLookAlikes(normalizeIdentifier(reading), {
    alphabet: (index) => (index === 0 ? LATIN_CAPITALS : DIGITS),
    lookAlikes: COMMON_LOOK_ALIKES,
    isValid: (candidate) => parse(candidate).valid,
  });
}

/** Taiwan national ID / new resident certificate number: `parse`, `isValid`, `checkDigit`, `correct`. */
export const taiwanId = {
  parse,
  isValid: (text: string): boolean => parse(text).valid,
  checkDigit,
  correct,
} as const;
