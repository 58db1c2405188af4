/**
 * 公民身份号码 rules of GB 11643-1999: 6-digit address code, birth date `YYYYMMDD`, 3-digit order code
 * (odd = male), and an ISO 7064 MOD 11-2 check character (`0`–`9` or `X`).
 */

import { isRealDate } from '@zhengjian/recognition';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits, or `undefined` when they are not 17 digits. */
export function gb11643CheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export interface CitizenIdInfo {
  /** The 18-character number, upper-case `X`. */
  number: string;
  /** Birth date `YYYY-MM-DD`. */
  birthDate: string;
  sex: '男' | '女';
  /** First two digits: the province-level code. */
  provinceCode: string;
}

/**
 * Parses an 18-character 公民身份号码 (lower-case `x` accepted and normalised). Returns `undefined` when the
 * format, the birth date or the check character is wrong. The same rule covers residence-permit numbers of
 * Hong Kong, Macau and Taiwan residents (810000/820000/830000) and the 2023 foreign permanent residence ID (`9…`).
 */
export function parseCitizenId(raw: string): CitizenIdInfo | undefined {
  const number = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number)) return undefined;
  if (gb11643CheckChar(number.slice(0, 17)) !== number[17]) return undefined;
  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  if (!isRealDate(year, month, day) || year < 1800) return undefined;
  return {
    number,
    birthDate: `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`,
    sex: Number(number[16]) % 2 === 1 ? '男' : '女',
    provinceCode: number.slice(0, 2),
  };
}

/** True when `raw` is a valid 18-character number (check character and birth date). */
export function isValidCitizenId(raw: string): boolean {
  return parseCitizenId(raw) !== undefined;
}

/**
 * Upgrades a 15-digit first-generation number (address + `YYMMDD` + order, no check character) to 18
 * characters by inserting the century `19` and appending the check character, as GB 11643-1999 prescribes.
 * Returns `undefined` when the input is not 15 digits with a real birth date.
 */
export function upgradeLegacyCitizenId(raw: string): string | undefined {
  const number = raw.trim();
  if (!/^\d{15}$/.test(number)) return undefined;
  const first17 = `${number.slice(0, 6)}19${number.slice(6)}`;
  const upgraded = first17 + gb11643CheckChar(first17);
  return parseCitizenId(upgraded) ? upgraded : undefined;
}
