import { type Correction, citizenId, hkid, plate, vin } from '@zhengjian/identifiers';
import type { ParsedValue, ValueParser } from './value-parser';

/**
 * A checked identifier: candidate runs are taken from the text with `candidates`, each corrected by `correct`
 * (libs/identifiers' look-alike correction against the identifier's own check); the first valid or uniquely
 * corrected run wins (`checksum_corrected`, confidence × 0.9). When none passes, the first run is returned as read
 * and flagged `checksum_failed` (card-types.md decision 7: a broken identifier is never silently returned).
 */
export function checkedIdentifier(options: {
  candidates: RegExp;
  correct: (reading: string) => Correction;
  /** Rewrites a run before correction (e.g. the characters no position allows). */
  prepare?: (reading: string) => string;
}): ValueParser {
  // Every window, overlapping: a value may run on from its label's English sub-label (`VINLFV…`).
  const windows = new RegExp(`(?=(${options.candidates.source}))`, options.candidates.flags.replace('g', '') + 'g');
  const prepare = options.prepare ?? ((s: string) => s);
  return (raw): ParsedValue | undefined => {
    const runs = [...raw.matchAll(windows)].map((m) => prepare(m[1]));
    if (!runs.length) return undefined;
    const checked = runs.map((run) => options.correct(run));
    const valid = checked.find((c) => c.reason === 'valid');
    if (valid) return { value: valid.value };
    const corrected = checked.find((c) => c.reason === 'corrected');
    if (corrected) return { value: corrected.value, factor: 0.9, warnings: ['checksum_corrected'] };
    // Labels come before values: the last window is the likeliest value.
    return { value: runs[runs.length - 1], factor: 0.7, warnings: ['checksum_failed'] };
  };
}

/** 公民身份号码 (GB 11643): an 18-character run, check character arbitrating look-alikes (O/0, I/1, B/8, ×/X…). */
export function citizenIdNumber(): ValueParser {
  return checkedIdentifier({
    candidates: /[0-9OoDQIl|B]{17}[0-9XxK×B]/,
    prepare: (s) => s.replace(/[xK×]/g, 'X'),
    correct: (s) => citizenId.correct(s),
  });
}

/**
 * 车辆识别代号 (ISO 3779): a 17-character run; the 9th-position check digit (GB 16735) arbitrates look-alikes. I, O
 * and Q never occur in a VIN, so they are always replaced (1, 0, 0); a run whose check digit still fails is
 * returned that way, flagged `checksum_failed`, never "corrected" by guessing.
 */
export function vinNumber(): ValueParser {
  const checked = checkedIdentifier({ candidates: /[0-9A-Z]{17}/, correct: (s) => vin.correct(s) });
  return (raw) => {
    const upper = raw.toUpperCase();
    const parsed = checked(upper);
    if (!parsed || !parsed.warnings?.includes('checksum_failed')) return parsed;
    const formatOnly = vin.correct(parsed.value, false);
    return { ...parsed, value: formatOnly.reason === 'invalid' ? parsed.value : formatOnly.value };
  };
}

/** 号牌号码 (GA 36-2018): ordinary, new-energy, usage and embassy plates; the separator dot is dropped. */
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
