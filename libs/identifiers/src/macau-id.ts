import { normalizeIdentifier } from './normalize';

/**
 * Macau resident identity card number (澳門居民身份證編號, BIR), as issued by the Identification Services Bureau
 * (DSI): a first digit 1, 5 or 7 (the issuing period), 6 digits and a check digit, printed `1/234567/8` on old
 * cards and `1234567(8)` on smart cards. **Format only**: the check digit's algorithm is not published, so no
 * number can be shown wrong by it and no look-alike correction is offered.
 */

const FORMAT = /^([157]\d{6})\(?(\d)\)?$/;

export interface MacauIdParse {
  /** The format is right (the only thing that can be checked). */
  valid: boolean;
  /** The text compared (whitespace removed, full-width folded). */
  number: string;
  /** `1234567(8)`, once the format is right. */
  formatted?: string;
}

/** Parses `1234567(8)`, `12345678` or `1/234567/8`. Never throws. */
function parse(text: string): MacauIdParse {
  const number = normalizeIdentifier(text);
  const match = FORMAT.exec(number.replace(/^(\d)\/(\d{6})\/(\d)$/, '$1$2$3'));
  if (!match) return { valid: false, number };
  return { valid: true, number, formatted: `${match[1]}(${match[2]})` };
}

/** Macau BIR number, format only: `parse`, `isValid`. */
export const macauId = {
  parse,
  isValid: (text: string): boolean => parse(text).valid,
} as const;
