import { COMMON_LOOK_ALIKES, type Correction, correctLookAlikes } from './look-alike';
import { DIGITS, LATIN_CAPITALS, alphanumericValue, normalizeIdentifier } from './normalize';

/**
 * Hong Kong identity card number (HKID, 香港身份證號碼), as issued by the Immigration Department: 1 or 2 letters,
 * 6 digits and a check character `0`–`9` or `A`, printed `A123456(3)`. Check: a single letter is left-padded with a
 * space worth 36; letters A–Z = 10–35, digits their face value; weights 9 8 7 6 5 4 3 2; r = Σ mod 11; check `0`
 * when r = 0, `A` when r = 1, else 11 − r. The Immigration Department publishes the format, not the check rule;
 * this is the public rule in general use.
 */

const FORMAT = /^([A-Z]{1,2})(\d{6})([0-9A])$/;

export interface HkidParse {
  valid: boolean;
  formatValid: boolean;
  checkValid: boolean;
  /** The text compared, brackets and whitespace removed (`A1234563`). */
  number: string;
  /** As printed, `A123456(3)`, once the format is right. */
  formatted?: string;
  expectedCheckCharacter?: string;
}

/** The check character of 1–2 letters + 6 digits (`A123456`), or `undefined` when not in that shape. */
function checkCharacter(body: string): string | undefined {
  if (!/^[A-Z]{1,2}\d{6}$/.test(body)) return undefined;
  const padded = body.length === 7 ? ` ${body}` : body;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (padded[i] === ' ' ? 36 : (alphanumericValue(padded[i]) ?? 0)) * (9 - i);
  const r = sum % 11;
  return r === 0 ? '0' : r === 1 ? 'A' : String(11 - r);
}

function stripBrackets(text: string): string {
  return normalizeIdentifier(text).replace(/^(.+)\((.)\)$/, '$1$2');
}

/** Parses `A123456(3)`, `A1234563` or `AB987654(A)` (whitespace ignored, full-width brackets accepted). */
function parse(text: string): HkidParse {
  const number = stripBrackets(text);
  const match = FORMAT.exec(number);
  if (!match) return { valid: false, formatValid: false, checkValid: false, number };
  const expectedCheckCharacter = checkCharacter(match[1] + match[2]);
  const checkValid = expectedCheckCharacter === match[3];
  return {
    valid: checkValid,
    formatValid: true,
    checkValid,
    number,
    formatted: `${match[1]}${match[2]}(${match[3]})`,
    expectedCheckCharacter,
  };
}

/** Corrects an OCR reading by look-alikes: letters, 6 digits, then `0`–`9` or `A`; the value has no brackets. */
function correct(reading: string): Correction {
  const number = stripBrackets(reading);
  return correctLookAlikes(number, {
    alphabet: (index, length) => {
      const letters = length - 7;
      return index < letters ? LATIN_CAPITALS : index === length - 1 ? `${DIGITS}A` : DIGITS;
    },
    lookAlikes: COMMON_LOOK_ALIKES,
    isValid: (candidate) => parse(candidate).valid,
  });
}

/** HKID: `parse`, `isValid`, `checkCharacter`, `correct`. */
export const hkid = {
  parse,
  isValid: (text: string): boolean => parse(text).valid,
  checkCharacter,
  correct,
} as const;
