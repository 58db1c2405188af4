import { COMMON_LOOK_ALIKES, type Correction, correctLookAlikes } from './look-alike';
import { DIGITS, normalizeIdentifier } from './normalize';

/**
 * Payment card number (PAN), ISO/IEC 7812-1: 13–19 digits, the last being the Luhn check digit (from the check digit
 * leftwards, every second digit doubled, 9 subtracted when over 9, Σ ≡ 0 mod 10). UnionPay numbers (`62…`) have
 * 16–19 digits. Spaces and hyphens between groups are ignored.
 */

export interface CardNumberParse {
  valid: boolean;
  /** 13–19 digits. */
  formatValid: boolean;
  luhnValid: boolean;
  /** The digits compared (separators removed). */
  number: string;
}

/** True when a digit string of any length (≥ 2) passes the Luhn check (ISO/IEC 7812-1 Annex B). */
function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit to append to `payload` (digits), or `undefined` when `payload` is not digits. */
function checkDigit(payload: string): string | undefined {
  if (!/^\d+$/.test(payload)) return undefined;
  return DIGITS.split('').find((d) => luhnValid(payload + d));
}

/** Parses a card number as printed or embossed (`6222 0212 …`, `6222-0212-…`). Never throws. */
function parse(text: string): CardNumberParse {
  const number = normalizeIdentifier(text).replace(/-/g, '');
  const formatValid = /^\d{13,19}$/.test(number);
  const luhn = formatValid && luhnValid(number);
  return { valid: luhn, formatValid, luhnValid: luhn, number };
}

/** Corrects an OCR reading whose non-digits are look-alikes of digits (O → 0, B → 8, S → 5…). */
function correct(reading: string): Correction {
  return correctLookAlikes(normalizeIdentifier(reading).replace(/-/g, ''), {
    alphabet: DIGITS,
    lookAlikes: COMMON_LOOK_ALIKES,
    isValid: (candidate) => parse(candidate).valid,
  });
}

/** ISO/IEC 7812 payment card number: `parse`, `isValid`, `checkDigit`, `luhnValid`, `correct`. */
export const cardNumber = {
  parse,
  isValid: (text: string): boolean => parse(text).valid,
  checkDigit,
  luhnValid,
  correct,
} as const;
