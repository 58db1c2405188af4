import { type Correction, correctLookAlikes, lookAlikePairs, mergeLookAlikes } from './look-alike';
import { DIGITS, LATIN_CAPITALS, alphanumericValue, normalizeIdentifier } from './normalize';

/**
 * Check digits of machine-readable zones, ICAO Doc 9303 Part 3 §4.9: each character's value (`0`–`9` face value,
 * `A`–`Z` = 10–35, filler `<` = 0) times the repeating weights 7 3 1, Σ mod 10. A field left entirely of fillers
 * may carry `<` as its check digit (its value is 0 either way).
 */

/** `numeric`: dates and other digit fields; `alphanumeric`: document numbers, optional data. */
export type IcaoFieldType = 'numeric' | 'alphanumeric';

const WEIGHTS = [7, 3, 1];
const MRZ_ALPHABET = `${DIGITS}${LATIN_CAPITALS}<`;

/** The check digit of an MRZ field, or `undefined` when the field holds a character outside `A–Z 0–9 <`. */
function checkDigit(field: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const value = field[i] === '<' ? 0 : alphanumericValue(field[i]);
    if (value === undefined) return undefined;
    sum += value * WEIGHTS[i % 3];
  }
  return String(sum % 10);
}

/** True when `check` is the field's check digit, or `<` for a field of fillers only. */
function isValidField(field: string, check: string): boolean {
  const expected = checkDigit(field);
  if (expected === undefined || check.length !== 1) return false;
  return check === expected || (check === '<' && /^<*$/.test(field));
}

/**
 * The common look-alikes but G ↔ 6 (16 and 6) and K ↔ `<` (20 and 0), whose values differ by a multiple of 10: the
 * 7-3-1 check cannot tell them apart, so trying them would make every correction ambiguous. A G where only a digit
 * may stand still becomes 6. OCR also reads the filler `<` as `(` or a guillemet.
 */
const LOOK_ALIKES = mergeLookAlikes(lookAlikePairs(['O0', 'D0', 'Q0', 'I1', 'B8', 'S5', 'Z2']), {
  G: '6',
  〇: '0',
  '|': '1',
  '(': '<',
  '«': '<',
  '‹': '<',
});

/**
 * Corrects an OCR reading of a field followed by its check digit (e.g. `L898902C3` + `6`, given as
 * `L898902C36`) by look-alikes; a numeric field allows digits and `<`.
 */
function correctField(readingWithCheckDigit: string, type: IcaoFieldType): Correction {
  const reading = normalizeIdentifier(readingWithCheckDigit);
  return correctLookAlikes(reading, {
    alphabet: (index, length) => (index === length - 1 || type === 'numeric' ? `${DIGITS}<` : MRZ_ALPHABET),
    lookAlikes: LOOK_ALIKES,
    isValid: (candidate) => candidate.length >= 2 && isValidField(candidate.slice(0, -1), candidate.slice(-1)),
  });
}

/** ICAO 9303 7-3-1 check digits: `checkDigit`, `isValidField`, `correctField`. */
export const icaoCheckDigit = { checkDigit, isValidField, correctField } as const;
