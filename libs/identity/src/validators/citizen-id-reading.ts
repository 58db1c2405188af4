import { gb11643CheckChar, parseCitizenId } from './gb11643';

/**
 * Characters the OCR is known to read in place of a digit (O/0, I/1, B/8) and of the check character
 * (X/8/×). Only these substitutions are ever tried: a reading is corrected, never invented.
 */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  〇: '0',
  I: '1',
  l: '1',
  '|': '1',
  i: '1',
  B: '8',
};
const CHECK_LOOKALIKES: Record<string, string[]> = {
  X: ['X'],
  x: ['X'],
  '×': ['X'],
  乂: ['X'],
  K: ['X'],
  '8': ['8', 'X'],
  B: ['8', 'X'],
};

export interface CitizenIdReading {
  /** The number to report: corrected when exactly one look-alike reading is valid, else as read. */
  value: string;
  valid: boolean;
  /** True when look-alike substitutions were needed to make it valid. */
  corrected: boolean;
  /**
   * Why an invalid reading fails: `date` when its check character is right but the birth date (digits 7–14) is not
   * a real date (e.g. 19000229), `checksum` otherwise. Absent when valid.
   */
  failure?: 'checksum' | 'date';
}

/**
 * Resolves an OCR reading of a 公民身份号码 (GB 11643). `raw` is the 18 characters as read, spaces removed.
 * When it fails its check, every combination of the known look-alikes is tried; the one valid reading whose
 * birth date agrees with `printedBirthDate` (`YYYY-MM-DD`, when known) is taken. Ambiguity leaves it as read.
 */
export function resolveCitizenIdReading(raw: string, printedBirthDate?: string): CitizenIdReading {
  const asRead = raw.toUpperCase().replace(/×/g, 'X');
  if (parseCitizenId(asRead)) return { value: asRead, valid: true, corrected: false };
  const failed = { value: asRead, valid: false, corrected: false, failure: failureOf(asRead) } as const;
  if (raw.length !== 18) return failed;

  const options: string[][] = [];
  for (let i = 0; i < 18; i++) {
    const ch = raw[i];
    if (i === 17) options.push(CHECK_LOOKALIKES[ch] ?? (/\d/.test(ch) ? [ch] : []));
    else options.push(/\d/.test(ch) ? [ch] : DIGIT_LOOKALIKES[ch] ? [DIGIT_LOOKALIKES[ch]] : []);
  }
  if (options.some((o) => o.length === 0)) return failed;

  const valid = expand(options).filter((candidate) => {
    const info = parseCitizenId(candidate);
    return info !== undefined && (printedBirthDate === undefined || info.birthDate === printedBirthDate);
  });
  if (valid.length === 1) return { value: valid[0], valid: true, corrected: true };
  return failed;
}

/** A number whose MOD 11-2 check character is right can only fail on its birth date. */
function failureOf(number: string): 'checksum' | 'date' {
  return /^\d{17}[\dX]$/.test(number) && gb11643CheckChar(number.slice(0, 17)) === number[17] ? 'date' : 'checksum';
}

function expand(options: string[][]): string[] {
  let results = [''];
  for (const choices of options) results = results.flatMap((prefix) => choices.map((c) => prefix + c));
  return results;
}
