import { type Correction, citizenId, hkid, plate, vin } from '@zhengjian/identifiers';
import { isRealDate } from '../layout/calendar';
import type { RecognitionWarning } from '../recognizer';
import type { ParsedValue, ValueParser } from './value-parser';

/**
 * A checked identifier: candidate runs are taken from the text with `candidates`, each corrected by `correct`
 * (libs/identifiers' look-alike correction against the identifier's own check); the last valid run wins, else the
 * last uniquely corrected one (`checksum_corrected`, confidence × 0.9): a label or sub-label precedes its value. When none passes, the last run is returned flagged
 * `checksum_failed` (card-types.md decision 7: a broken identifier is never silently returned): with
 * `correctFormat`, the last run the identifier's format allows, with only the characters no position can hold
 * replaced (confidence × 0.7), or failing that the last run as read (× 0.5: likely not the identifier at all).
 */
export function checkedIdentifier(options: {
  candidates: RegExp;
  correct: (reading: string) => Correction;
  /** Rewrites a run before correction (e.g. the characters no position allows). */
  prepare?: (reading: string) => string;
  /** Why a run that no correction saves fails (default `checksum_failed`). */
  failure?: (reading: string) => RecognitionWarning;
  /** Correction by the format alone (no check character): `invalid` when the format cannot hold the run. */
  correctFormat?: (reading: string) => Correction;
}): ValueParser {
  // Every window, overlapping: a value may run on from its label's English sub-label (`VINLFV…`).
  const windows = new RegExp(`(?=(${options.candidates.source}))`, options.candidates.flags.replace('g', '') + 'g');
  const prepare = options.prepare ?? ((s: string) => s);
  return (raw): ParsedValue | undefined => {
    const runs = [...raw.matchAll(windows)].map((m) => prepare(m[1]));
    if (!runs.length) return undefined;
    // Labels come before values: of the windows that pass, the last is the value (`VNLSGUTR2M99A4342` from a
    // sub-label read `VN` may pass a VIN's check digit by chance, one time in eleven).
    const checked = runs.map((run) => options.correct(run)).reverse();
    const valid = checked.find((c) => c.reason === 'valid');
    if (valid) return { value: valid.value };
    const corrected = checked.find((c) => c.reason === 'corrected');
    if (corrected) return { value: corrected.value, factor: 0.9, warnings: ['checksum_corrected'] };
    const last = runs[runs.length - 1];
    const failed = (reading: string): RecognitionWarning[] => [options.failure?.(reading) ?? 'checksum_failed'];
    if (!options.correctFormat) return { value: last, factor: 0.7, warnings: failed(last) };
    const formatted = runs.map((run) => options.correctFormat!(run)).filter((c) => c.reason !== 'invalid');
    const printed = formatted[formatted.length - 1];
    if (printed) return { value: printed.value, factor: 0.7, warnings: failed(printed.value) };
    return { value: last, factor: 0.5, warnings: failed(last) };
  };
}

/**
 * 公民身份号码 (GB 11643): an 18-character run, check character arbitrating look-alikes (O/0, I/1, B/8, ×/X…). A run
 * that stays invalid is flagged `date_invalid` when its check character is right but digits 7–14 are no real date
 * (`19000229`), `checksum_failed` otherwise.
 */
export function citizenIdNumber(): ValueParser {
  return checkedIdentifier({
    candidates: /[0-9OoDQIl|B]{17}[0-9XxK×B]/,
    prepare: (s) => s.replace(/[xK×]/g, 'X'),
    correct: (s) => citizenId.correct(s),
    failure: (s) =>
      citizenId.parse(s).reason === 'birthDate' && citizenId.checkCharacter(s.slice(0, 17)) === s[17]
        ? 'date_invalid'
        : 'checksum_failed',
  });
}

/** An 18-character run standing alone (not inside a longer number such as a receipt's or an account's). */
const CITIZEN_ID_RUN = /(?<![\dA-Z])\d{17}[\dXx×](?![\dA-Z])/g;

/**
 * A signature token: a 公民身份号码 printed on the page, standing alone. `checked`: it passes GB 11643 (check
 * character, region and birth date); otherwise its digits 7–14 need only be a real birth date (from 1880), which an
 * OCR slip elsewhere in the number leaves intact. `accept` narrows the numbers that count (by region code).
 */
export function citizenIdOnPage(
  checked: boolean,
  accept: (run: string) => boolean = () => true,
): (pageText: string) => boolean {
  return (pageText) =>
    [...pageText.matchAll(CITIZEN_ID_RUN)]
      .map((m) => m[0].replace('×', 'X').toUpperCase())
      .some((run) => accept(run) && (checked ? citizenId.isValid(run) : plausibleBirth(run.slice(6, 14))));
}

/** A 15-digit run standing alone (not inside a longer number). */
const LEGACY_CITIZEN_ID_RUN = /(?<![\dA-Z])\d{15}(?![\dA-Z])/g;

/**
 * A signature token: a first-generation 公民身份号码 of 15 digits (area + YYMMDD + order, before GB 11643-1999)
 * printed on the page, standing alone, with a known province code and a real birth date. No card issued since
 * 2004 prints one: it is proof of a first-generation card.
 */
export function legacyCitizenIdOnPage(): (pageText: string) => boolean {
  return (pageText) => [...pageText.matchAll(LEGACY_CITIZEN_ID_RUN)].some((m) => citizenId.parse(m[0]).valid);
}

function plausibleBirth(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  return year >= 1880 && isRealDate(year, Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)));
}

/**
 * 车辆识别代号 (ISO 3779): a 17-character run; the 9th-position check digit (GB 16735) arbitrates look-alikes. I, O
 * and Q never occur in a VIN and the last four characters are digits, so a character no position allows is always
 * replaced by its look-alike (I → 1, O/Q → 0; `Z` → `2` in the last four); a run whose check digit still fails (an
 * imported car's VIN, which need not carry one) is returned that way, flagged `checksum_failed`, never "corrected"
 * by guessing. A run the VIN format cannot hold at all (a truck's 整车型号 on the same nameplate) is the last resort.
 */
export function vinNumber(): ValueParser {
  const checked = checkedIdentifier({
    candidates: /[0-9A-Z]{17}/,
    correct: (s) => vin.correct(s),
    correctFormat: (s) => vin.correct(s, false),
  });
  return (raw) => checked(raw.toUpperCase());
}

/**
 * 号牌号码 (GA 36-2018): ordinary, new-energy, usage and embassy plates; the separator dot is dropped. Repaired
 * readings (a province's stroke read as `I`, O/I read for 0/1 in the serial) have confidence × 0.9.
 */
export function plateNumber(): ValueParser {
  return (raw) => {
    const cleaned = raw.toUpperCase().replace(/[·•．.-]/g, '');
    for (let length = 8; length >= 7; length--) {
      for (let start = 0; start + length <= cleaned.length; start++) {
        const run = cleaned.slice(start, start + length);
        const parsed = plate.parse(run);
        if (parsed.valid) return { value: parsed.plate };
      }
    }
    // A province character's last vertical stroke read as a glyph of its own (`川IA12345`): the issuing office's
    // letter follows the province directly, and no plate has an I (GA 36-2018).
    const stroke = cleaned.replace(/(\p{Script=Han})[I1|](?=[A-HJ-NP-Z])/u, '$1');
    if (stroke !== cleaned) {
      const again = plateNumber()(stroke);
      if (again) return { ...again, factor: 0.9 };
    }
    // The common OCR slips between letters and digits after the authority letter (O/0, I/1).
    const repaired = /^.[A-Z]/.test(cleaned)
      ? cleaned.slice(0, 2) + cleaned.slice(2).replace(/O/g, '0').replace(/I/g, '1')
      : cleaned;
    if (repaired !== cleaned) {
      const again = plateNumber()(repaired);
      if (again) return { ...again, factor: 0.9 };
    }
    return undefined;
  };
}

/**
 * A run of exactly `length` digits (a 档案编号…); failing that, one where O/o read as 0 and I/l as 1 makes the run
 * (confidence × 0.9).
 */
export function digits(length: number): ValueParser {
  const run = new RegExp(`(?<!\\d)\\d{${length}}(?!\\d)`);
  return (raw) => {
    const exact = run.exec(raw);
    if (exact) return { value: exact[0], factor: 1 };
    const repaired = run.exec(raw.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1'));
    return repaired ? { value: repaired[0], factor: 0.9 } : undefined;
  };
}

/**
 * 香港身份證號碼 (HKID): 1–2 letters, 6 digits and the check character `0`–`9`/`A` (libs/identifiers `hkid`), read
 * with or without its brackets; returned as printed, `A123456(3)`. Look-alikes (O/0, I/1, B/8, S/5) are resolved by
 * the check character.
 */
export function hkidNumber(): ValueParser {
  const checked = checkedIdentifier({
    candidates: /[A-Z0-9]{1,2}[0-9OoDQIl|BSZ]{6}[(（]?[0-9A-Z][)）]?/,
    prepare: (s) => s.replace(/[(（)）]/g, ''),
    correct: (s) => hkid.correct(s),
  });
  return (raw) => {
    const parsed = checked(raw.toUpperCase().replace(/\s/g, ''));
    if (!parsed) return undefined;
    const formatted = hkid.parse(parsed.value).formatted;
    return { ...parsed, value: formatted ?? parsed.value };
  };
}

/**
 * 公民身份号码 of a card that may predate GB 11643-1999: an 18-character run (as {@link citizenIdNumber}), else a
 * 15-digit one (6 area + YYMMDD + 3 order, no check character: only characters that cannot be digits are replaced,
 * and the area and birth date must be real, card-types.md §3.1).
 */
export function legacyCitizenIdNumber(): ValueParser {
  const full = citizenIdNumber();
  const legacy = checkedIdentifier({
    candidates: /(?<![0-9A-Z])[0-9OoDQIl|B]{15}(?![0-9A-Z])/,
    // No check character to arbitrate: every position is a digit, so each look-alike has one reading.
    prepare: (s) =>
      s
        .replace(/[OoDQ]/g, '0')
        .replace(/[Il|]/g, '1')
        .replace(/B/g, '8'),
    correct: (s) => citizenId.correct(s),
  });
  return (raw) => {
    const text = raw.replace(/\s/g, '');
    return /[0-9OoDQIl|B]{17}[0-9XxK×B]/.test(text) ? full(text) : legacy(text);
  };
}
