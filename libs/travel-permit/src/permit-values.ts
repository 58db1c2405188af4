import { hkid, macauId, taiwanId } from '@zhengjian/identifiers';
import { type ParsedValue, type ValueParser, datesIn, formatDate } from '@zhengjian/recognition';

/**
 * Value parsers of the exit-entry permits' printed zones (card-types.md §3.6 numbers, §3.4 HKID, §3.5 Macau and
 * Taiwan IDs). Each is pure and returns `undefined` when nothing usable is in the text.
 */

/** What OCR reads in place of a digit, and of a letter (one shape each). */
const AS_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  L: '1',
  '|': '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};
const AS_LETTER: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '8': 'B', '6': 'G' };

/**
 * A document number of a fixed shape, written as a pattern of `L` (a capital letter), `D` (a digit), `A` (either)
 * and literal capitals (`C`, `H`…); `alternatives` lists the shapes in order of preference (longest first where a
 * shorter one is its prefix). Windows of the text (spaces and punctuation dropped, upper-cased) are tried left to
 * right; look-alikes (`O`/`0`, `I`/`1`, `S`/`5`, `B`/`8`…) are resolved by position, at a confidence × 0.9.
 */
export function permitNumber(...alternatives: readonly string[]): ValueParser {
  return (raw) => {
    const cleaned = raw.toUpperCase().replace(/[^A-Z0-9|]/g, '');
    for (const shape of alternatives) {
      for (let start = 0; start + shape.length <= cleaned.length; start++) {
        const fitted = fitShape(cleaned.slice(start, start + shape.length), shape);
        if (!fitted) continue;
        // A longer run of digits around the window is another number, unless a longer shape was meant.
        const before = cleaned[start - 1];
        const after = cleaned[start + shape.length];
        if ((before && /\d/.test(before) && /[DA]/.test(shape[0])) || (after && /\d/.test(after))) continue;
        return fitted.changed ? { value: fitted.value, factor: 0.9 } : { value: fitted.value };
      }
    }
    return undefined;
  };
}

function fitShape(window: string, shape: string): { value: string; changed: boolean } | undefined {
  let value = '';
  let changed = false;
  for (let i = 0; i < shape.length; i++) {
    const want = shape[i];
    let c = window[i];
    if (want === 'D' && !/\d/.test(c)) c = AS_DIGIT[c] ?? c;
    else if (want === 'L' && !/[A-Z]/.test(c)) c = AS_LETTER[c] ?? c;
    else if (/[A-Z]/.test(want) && c !== want) c = AS_LETTER[c] === want || (want === 'C' && c === 'G') ? want : c;
    const ok =
      want === 'D' ? /\d/.test(c) : want === 'L' ? /[A-Z]/.test(c) : want === 'A' ? /[A-Z0-9]/.test(c) : c === want;
    if (!ok) return undefined;
    if (c !== window[i]) changed = true;
    value += c;
  }
  return { value, changed };
}

/**
 * 港澳证件号码: a Hong Kong identity card number (HKID, check character verified, printed `A123456(3)`) or a Macau
 * BIR number (format only, `1234567(8)`). Returned as printed with the check character in brackets. An HKID whose
 * check fails after look-alike correction is returned as read, flagged `checksum_failed`.
 */
export function hkOrMacauId(): ValueParser {
  return (raw) => {
    const text = raw
      .toUpperCase()
      .replace(/（/g, '(')
      .replace(/）/g, ')')
      .replace(/[^A-Z0-9()/]/g, '');
    const macau = /[157]\d{6}\(?\d\)?|[157]\/\d{6}\/\d/.exec(text);
    if (macau && !/^[A-Z]/.test(text.slice(0, macau.index).slice(-1))) {
      const parsed = macauId.parse(macau[0]);
      if (parsed.valid && parsed.formatted) return { value: parsed.formatted };
    }
    const run = /[A-Z0-9]{1,2}[0-9OIDSBGZ]{6}\(?[0-9A]\)?/.exec(text);
    if (!run) return undefined;
    const direct = hkid.parse(run[0]);
    if (direct.valid && direct.formatted) return { value: direct.formatted };
    const corrected = hkid.correct(run[0]);
    if (corrected.reason === 'valid' || corrected.reason === 'corrected') {
      const formatted = hkid.parse(corrected.value).formatted ?? corrected.value;
      return corrected.reason === 'valid'
        ? { value: formatted }
        : { value: formatted, factor: 0.9, warnings: ['checksum_corrected'] };
    }
    return { value: direct.formatted ?? direct.number, factor: 0.7, warnings: ['checksum_failed'] };
  };
}

/**
 * A Taiwan ID (`A123456789`, MOI check digit verified, look-alikes corrected; a failed check is flagged). A leading
 * digit is the letter it looks like (`0165734825` is `O165734825`): the check cannot tell `O` from `D` or `Q` (their
 * values 35, 13, 24 weigh the same mod 10), and OCR reads the letter O as a zero far more often than D or Q.
 */
export function taiwanIdNumber(): ValueParser {
  return (raw) => {
    const run = /[A-Z0-9][1289I|][0-9ODQISBGZ|]{8}/.exec(raw.toUpperCase().replace(/[^A-Z0-9|]/g, ''));
    if (!run) return undefined;
    const read = (AS_LETTER[run[0][0]] ?? run[0][0]) + run[0].slice(1);
    if (!/^[A-Z]/.test(read)) return undefined;
    const corrected = taiwanId.correct(read);
    if (corrected.reason === 'valid') return { value: corrected.value };
    if (corrected.reason === 'corrected')
      return { value: corrected.value, factor: 0.9, warnings: ['checksum_corrected'] };
    return { value: read, factor: 0.7, warnings: ['checksum_failed'] };
  };
}

/**
 * A romanised name printed `SURNAME, GIVEN` (card-types.md §22): returned as `SURNAME, GIVEN` (one space after the
 * comma, inner spaces and hyphens kept), parts `surname` and `given`. Without a comma the first word is the surname.
 */
export function romanName(): ValueParser {
  return (raw): ParsedValue | undefined => {
    const text = raw
      .toUpperCase()
      .replace(/[，．.]/g, ',')
      .replace(/[^A-Z ,-]/g, '')
      .trim();
    const comma = text.indexOf(',');
    const [surname, given] =
      comma >= 0
        ? [text.slice(0, comma), text.slice(comma + 1)]
        : [text.split(' ')[0], text.split(' ').slice(1).join(' ')];
    const clean = (s: string): string =>
      s
        .replace(/,/g, '')
        .split('-')
        .map((w) => w.trim())
        .join('-')
        .replace(/\s+/g, ' ')
        .trim();
    const [s, g] = [clean(surname), clean(given)];
    if (!/^[A-Z]/.test(s) || s.length + g.length < 2) return undefined;
    return { value: g ? `${s}, ${g}` : s, parts: { surname: s, given: g } };
  };
}

/** 性别 printed `男/M`, `女/F`, `M`, `F` (OCR slips on the Chinese kept by the Latin letter): `男` or `女`. */
export function permitSex(): ValueParser {
  return (raw) => {
    if (/女/.test(raw) || /^\W*F\b|\/F/i.test(raw)) return { value: '女' };
    if (/男/.test(raw) || /^\W*M\b|\/M/i.test(raw)) return { value: '男' };
    return undefined;
  };
}

/**
 * A validity printed `YYYY.MM.DD-YYYY.MM.DD` (the permit cards): the value as printed with dots (card-types.md §14
 * 有效期限), parts `from` and `to` as `YYYY-MM-DD`. `undefined` without two real dates in order.
 */
export function validityPeriod(): ValueParser {
  return (raw) => {
    const dates = datesIn(raw);
    if (dates.length < 2 || dates[0] >= dates[1]) return undefined;
    const [from, to] = dates;
    return { value: `${formatDate(from, 'YYYY.MM.DD')}-${formatDate(to, 'YYYY.MM.DD')}`, parts: { from, to } };
  };
}

/** Two digits (换证次数, 签发次数), as printed. */
export function issueCount(): ValueParser {
  return (raw) => {
    const m = /(?<!\d)([0-9OIl]{2})(?!\d)/.exec(raw);
    if (!m) return undefined;
    return { value: m[1].replace(/O/g, '0').replace(/[Il]/g, '1') };
  };
}

/** Onsets of Hong Kong Government Cantonese romanisation, longest first (`TSZ`, `CH`, `KW`, `NG`…; no `GW`: that
 * spelling is Jyutping's, so `LINGWAI` is `LING WAI`). */
const HK_ONSET = /^(?:TSZ|CH|TS|SZ|SH|KW|NG|[BPJ-NFDTGHWYS])?/;
// `Y` is an onset only (`YAN`), never a vowel after another onset: `KITYAN` is `KIT YAN`, not `KI TYAN`.
const HK_RHYME = /^[AEIOU]+(?:NG|[NMKPT])?$/;

/** The onset length of `syllable` when it is a valid Cantonese romanised syllable (incl. the syllabic `NG`, `M`). */
function cantoneseSyllable(syllable: string): number | undefined {
  if (syllable === 'NG' || syllable === 'M') return 0;
  const onset = HK_ONSET.exec(syllable)?.[0] ?? '';
  for (let cut = onset.length; cut >= 0; cut--) if (HK_RHYME.test(syllable.slice(cut))) return cut;
  return undefined;
}

/**
 * Splits a romanised Cantonese given name read without its spaces (`TAIMAN`) into `count` syllables (`TAI MAN`),
 * as Hong Kong documents print one word per Chinese character (Hong Kong Government romanisation). Of the splits into
 * valid syllables, the one giving later syllables the longest onsets wins (maximal onset: `CHIKA` → `CHI KA`, not
 * `CHIK A`). `undefined` when no split fits.
 */
export function splitCantoneseSyllables(word: string, count: number): string[] | undefined {
  let best: { parts: string[]; score: number } | undefined;
  const walk = (rest: string, parts: string[], score: number): void => {
    if (parts.length === count - 1) {
      const onset = cantoneseSyllable(rest);
      if (onset === undefined) return;
      const total = score + (parts.length > 0 ? onset : 0);
      if (!best || total > best.score) best = { parts: [...parts, rest], score: total };
      return;
    }
    for (let end = 1; end < rest.length; end++) {
      const onset = cantoneseSyllable(rest.slice(0, end));
      if (onset !== undefined)
        walk(rest.slice(end), [...parts, rest.slice(0, end)], score + (parts.length > 0 ? onset : 0));
    }
  };
  if (count >= 1 && count <= 4 && /^[A-Z]+$/.test(word)) walk(word, [], 0);
  return best?.parts;
}

/**
 * The TD1 name line (ICAO 9303 Part 5: `SURNAME<<GIVEN<NAMES`, spaces and hyphens as fillers, padded or cut to 30)
 * of a printed `SURNAME, GIVEN` name. The line has no check digit; when its reading disagrees with the printed name
 * (fillers miscounted, letters dropped), the printed name, read far more reliably, decides.
 */
export function nameLineFromPrinted(zoneLine: string, printedName: string | undefined, length = 30): string {
  const parts = printedName ? romanName()(printedName)?.parts : undefined;
  if (!parts) return zoneLine;
  const fill = (s: string): string => s.replace(/[\s-]+/g, '<');
  const core = parts.given ? `${fill(parts.surname)}<<${fill(parts.given)}` : fill(parts.surname);
  const line = (core + '<'.repeat(length)).slice(0, length);
  return /^[A-Z<]+$/.test(line) ? line : zoneLine;
}
