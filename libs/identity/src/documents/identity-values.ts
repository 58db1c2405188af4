import { correctAuthorityPlace, oneOf, type ValueParser } from '@zhengjian/recognition';
import { ETHNIC_GROUPS } from '../id-card/ethnic-groups';

/** Digits where OCR reads a letter look-alike (`O`/`D` → 0, `I`/`l` → 1, `B` → 8, `S` → 5, `Z` → 2). */
export function asDigits(text: string): string {
  return text
    .replace(/[OoDQ]/g, '0')
    .replace(/[Il|]/g, '1')
    .replace(/B/g, '8')
    .replace(/S/g, '5')
    .replace(/Z/g, '2');
}

/**
 * A public-security issuing office (`…市公安局`, `…公安局…分局`, `公安部`): Han characters only, at least 3, the place
 * at its start checked against GB/T 2260 (one-character slips repaired, confidence × 0.95).
 */
export function issuingAuthority(): ValueParser {
  return (raw) => {
    const han = raw.replace(/[^\u3400-\u9fff]/gu, '');
    if (han.length < 3) return undefined;
    const place = correctAuthorityPlace(han);
    return { value: place.text, factor: place.corrected ? 0.95 : 1 };
  };
}

/**
 * A mainland travel permit number as the 港澳台居民居住证 back prints it: 港澳居民来往内地通行证 `H`/`M` + 8 digits,
 * or 台湾居民来往大陆通行证 8 digits (card-types.md §3.6); look-alikes in the digit positions repaired (× 0.9).
 */
export function travelPermitNumber(): ValueParser {
  return (raw) => {
    const text = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
    const lettered = /([HM])([0-9ODQILBSZ]{8})(?!\d)/.exec(text);
    const bare = /(?<![0-9A-Z])[0-9ODQILBSZ]{8}(?![0-9A-Z])/.exec(text);
    const [prefix, run] = lettered ? [lettered[1], lettered[2]] : bare ? ['', bare[0]] : ['', ''];
    // Eight look-alike letters are a word, not a number: most of the run must be digits.
    if (run.replace(/\D/g, '').length < 6) return undefined;
    const number = prefix + asDigits(run);
    return { value: number, factor: number === prefix + run ? 1 : 0.9 };
  };
}

/**
 * A romanised name `SURNAME, GIVEN NAMES` (comma after the surname, as ID cards print it): value in that form, parts
 * `surname` and `given`. OCR's lost spaces between capitalised given names (`TaiMan`) are put back; `.` read for the
 * comma is accepted.
 */
export function romanisedName(): ValueParser {
  return (raw) => {
    const cut = raw.search(/[,，.]/);
    if (cut < 0) return undefined;
    // The surname is the run of capitals before the comma (a sub-label read with it, `ame`, stays out).
    let start = cut;
    while (start > 0 && /[A-Z' -]/.test(raw[start - 1])) start -= 1;
    const surname = raw.slice(start, cut).replace(/\s+/g, ' ').trim();
    const given = raw
      .slice(cut + 1)
      .replace(/[^A-Za-z' -]/g, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/\s+/g, ' ')
      .trim();
    if (!/^[A-Z][A-Z' -]*[A-Z]$/.test(surname) || !/[A-Za-z]/.test(given)) return undefined;
    return { value: `${surname}, ${given}`, parts: { surname, given } };
  };
}

/** One of `names` (English, any spacing or punctuation read), compared letter by letter; one slip in eight allowed. */
export function englishOneOf(names: readonly string[]): ValueParser {
  const letters = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');
  return (raw) => {
    const read = letters(raw);
    if (!read) return undefined;
    for (const name of names) {
      const want = letters(name);
      if (read.includes(want)) return { value: name };
    }
    return undefined;
  };
}

/** 民族 as the resident cards print it: one of the 56 groups of GB/T 3304 without `族`, exact. */
export function ethnicGroup(): ValueParser {
  return oneOf(ETHNIC_GROUPS, { maxDistance: 0 });
}
