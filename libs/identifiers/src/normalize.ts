/**
 * The text of an identifier as compared: whitespace removed, full-width ASCII (`Ａ`, `０`, `（`) folded to ASCII,
 * Latin letters upper-cased. Other characters (Chinese, `×`, `<`) are kept.
 */
export function normalizeIdentifier(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** Value of `0`–`9` and `A`–`Z` as 0–35 (the convention of GB 11714, ICAO 9303 and HKID), `undefined` otherwise. */
export function alphanumericValue(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1) return undefined;
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return undefined;
}

/** True when `year`-`month`-`day` is a date of the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const DIGITS = '0123456789';
export const LATIN_CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
