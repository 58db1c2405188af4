import { COMMON_LOOK_ALIKES, type Correction, correctLookAlikes, lookAlikePairs, mergeLookAlikes } from './look-alike';
import { DIGITS, isRealDate, normalizeIdentifier } from './normalize';

/**
 * 公民身份号码, GB 11643-1999: 6-digit address code (GB/T 2260), birth date `YYYYMMDD`, 3-digit order code (odd =
 * male) and a check character by ISO 7064 MOD 11-2 (`0`–`9` or `X`). First-generation numbers have 15 digits:
 * address, `YYMMDD` (19YY), order, no check character. The same 18-character rule covers the residence permits of
 * Hong Kong, Macau and Taiwan residents (810000, 820000, 830000) and the 2023 foreign permanent residence ID (`9`,
 * the issuing province, the nationality code).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
/** Province-level codes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macau) and 83, the Taiwan residence permit's. */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '),
);

export type CitizenIdKind = 'citizen' | 'residencePermit' | 'foreignPermanentResident';
/** Why a number is not valid (the first rule it breaks), or `valid`. */
export type CitizenIdReason = 'valid' | 'format' | 'regionCode' | 'birthDate' | 'checkCharacter';

export interface CitizenIdParse {
  valid: boolean;
  reason: CitizenIdReason;
  /** The text compared: whitespace removed, upper-case `X`. */
  number: string;
  /** True for a 15-digit first-generation number (no check character). */
  legacy: boolean;
  /** Set once the format is right. */
  regionCode?: string;
  /** `YYYY-MM-DD`, set once the format is right (even when the date is not real, for diagnostics). */
  birthDate?: string;
  sex?: '男' | '女';
  kind?: CitizenIdKind;
  /** For a valid 15-digit number, its 18-character form (century `19` inserted, check character appended). */
  upgraded?: string;
}

/** The MOD 11-2 check character of 17 digits, or `undefined` when `first17` is not 17 digits. */
function checkCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function kindOf(regionCode: string): CitizenIdKind | undefined {
  if (regionCode[0] === '9') return PROVINCES.has(regionCode.slice(1, 3)) ? 'foreignPermanentResident' : undefined;
  if (!PROVINCES.has(regionCode.slice(0, 2))) return undefined;
  return /^8[123]0000$/.test(regionCode) ? 'residencePermit' : 'citizen';
}

/** Parses an 18- or 15-character number (whitespace ignored, lower-case `x` accepted). Never throws. */
function parse(text: string): CitizenIdParse {
  const number = normalizeIdentifier(text);
  const legacy = /^\d{15}$/.test(number);
  const result: CitizenIdParse = { valid: false, reason: 'format', number, legacy };
  if (!legacy && !/^\d{17}[\dX]$/.test(number)) return result;

  const regionCode = number.slice(0, 6);
  const year = legacy ? `19${number.slice(6, 8)}` : number.slice(6, 10);
  const monthDay = legacy ? number.slice(8, 12) : number.slice(10, 14);
  const order = legacy ? number.slice(12, 15) : number.slice(14, 17);
  Object.assign(result, {
    regionCode,
    birthDate: `${year}-${monthDay.slice(0, 2)}-${monthDay.slice(2)}`,
    sex: Number(order[2]) % 2 === 1 ? '男' : '女',
  });

  const kind = kindOf(regionCode);
  if (kind === undefined || (legacy && kind !== 'citizen')) return { ...result, reason: 'regionCode' };
  result.kind = kind;
  if (Number(year) < 1800 || !isRealDate(Number(year), Number(monthDay.slice(0, 2)), Number(monthDay.slice(2)))) {
    return { ...result, reason: 'birthDate' };
  }
  if (legacy) {
    const first17 = `${regionCode}${year}${monthDay}${order}`;
    return { ...result, valid: true, reason: 'valid', upgraded: first17 + checkCharacter(first17) };
  }
  if (checkCharacter(number.slice(0, 17)) !== number[17]) return { ...result, reason: 'checkCharacter' };
  return { ...result, valid: true, reason: 'valid' };
}

/** The 18-character form of a valid 15-digit number, or `undefined` when `text` is not one. */
function upgradeLegacy(text: string): string | undefined {
  const parsed = parse(text);
  return parsed.legacy ? parsed.upgraded : undefined;
}

// A lower-case l read for 1 is upper-cased with the rest of the reading: L stands for 1 here.
const LOOK_ALIKES = mergeLookAlikes(COMMON_LOOK_ALIKES, lookAlikePairs(['X8']), { K: 'X', 乂: 'X', L: '1' });

/**
 * Corrects an OCR reading by look-alikes (O/0, I/1, B/8, 8/X, ×/X…): positions 1–17 are digits, the 18th a digit or
 * `X`. `printedBirthDate` (`YYYY-MM-DD`), when known, must agree with a candidate. A 15-digit reading has no check
 * character, so only characters that cannot be digits are replaced.
 */
function correct(reading: string, printedBirthDate?: string): Correction {
  const normalized = normalizeIdentifier(reading);
  const legacy = normalized.length === 15;
  return correctLookAlikes(normalized, {
    alphabet: (index, length) => (index === 17 && length === 18 ? `${DIGITS}X` : DIGITS),
    lookAlikes: LOOK_ALIKES,
    maxSubstitutions: legacy ? 0 : 1,
    isValid: (candidate) => {
      const parsed = parse(candidate);
      return parsed.valid && (printedBirthDate === undefined || parsed.birthDate === printedBirthDate);
    },
  });
}

/** GB 11643-1999 公民身份号码: `parse`, `isValid`, `checkCharacter`, `upgradeLegacy`, `correct`. */
export const citizenId = {
  parse,
  isValid: (text: string): boolean => parse(text).valid,
  checkCharacter,
  upgradeLegacy,
  correct,
} as const;
