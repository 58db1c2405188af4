import { alphanumericValue, normalizeIdentifier } from './normalize';

/**
 * 组织机构代码, GB 11714-1997: an 8-character body (digits and capital letters, A = 10 … Z = 35) and a check
 * character C = 11 − (Σ value × weight mod 11) with weights 3 7 9 10 5 8 4 2; C = 10 is written `X`, C = 11 `0`.
 * Printed as `XXXXXXXX-C`; characters 9–17 of a USCC (GB 32100) are one.
 */

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export interface OrganizationCodeParse {
  valid: boolean;
  formatValid: boolean;
  checkValid: boolean;
  /** The 9 characters without the hyphen. */
  code: string;
  /** The check character the body calls for (set once the format is right). */
  expectedCheckCharacter?: string;
}

/** The check character of an 8-character body, or `undefined` when `body` is not 8 digits or capitals. */
function checkCharacter(body: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (alphanumericValue(body[i]) ?? 0) * WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Parses `XXXXXXXX-C` or `XXXXXXXXC` (whitespace ignored). */
function parse(text: string): OrganizationCodeParse {
  const code = normalizeIdentifier(text).replace(/^([0-9A-Z]{8})-(.)$/, '$1$2');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return { valid: false, formatValid: false, checkValid: false, code };
  const expectedCheckCharacter = checkCharacter(code.slice(0, 8));
  const checkValid = expectedCheckCharacter === code[8];
  return { valid: checkValid, formatValid: true, checkValid, code, expectedCheckCharacter };
}

/** GB 11714 组织机构代码: `parse`, `isValid`, `checkCharacter`. */
export const organizationCode = {
  parse,
  isValid: (text: string): boolean => parse(text).valid,
  checkCharacter,
} as const;
