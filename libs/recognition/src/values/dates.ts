import { isRealDate } from '../layout/calendar';
import { parseDate } from '../layout/dates';
import type { ParsedValue, ValueParser } from './value-parser';

/** How a date is returned: ISO `YYYY-MM-DD` (card-types.md decision 3), or as some documents print it. */
export type DateFormat = 'YYYY-MM-DD' | 'YYYY.MM.DD' | 'YYYY年MM月DD日';

/** Writes an ISO `YYYY-MM-DD` date in `format`. */
export function formatDate(iso: string, format: DateFormat): string {
  const [y, m, d] = iso.split('-');
  switch (format) {
    case 'YYYY-MM-DD':
      return iso;
    case 'YYYY.MM.DD':
      return `${y}.${m}.${d}`;
    case 'YYYY年MM月DD日':
      return `${y}年${m}月${d}日`;
  }
}

/** `iso` (`YYYY-MM-DD`) plus whole `years`; 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const m = Number(iso.slice(5, 7));
  let d = Number(iso.slice(8, 10));
  if (!isRealDate(y, m, d)) d -= 1;
  return `${String(y).padStart(4, '0')}-${iso.slice(5, 7)}-${String(d).padStart(2, '0')}`;
}

/** Whole years from `from` to `to` when `to` is exactly that many years later (see {@link addYears}), else undefined. */
export function wholeYearsBetween(from: string, to: string): number | undefined {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return years > 0 && addYears(from, years) === to ? years : undefined;
}

/** A calendar date in any usual print (`1990年3月7日`, `1990.03.07`, `1990-03-07`, `19900307`), returned in `format`. */
export function date(format: DateFormat = 'YYYY-MM-DD'): ValueParser {
  return (raw) => {
    const iso = parseDate(raw);
    return iso ? { value: formatDate(iso, format) } : undefined;
  };
}

/** Every real date printed in `text`, in order, as ISO (digits grouped `YYYY?MM?DD`, separators optional). */
export function datesIn(text: string): string[] {
  return [...text.matchAll(/(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})(?!\d)|(\d{4})\D?(\d{2})\D?(\d{2})/g)]
    .map((m) => (m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]))
    .filter(([y, mo, d]) => isRealDate(Number(y), Number(mo), Number(d)))
    .map(([y, mo, d]) => `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

/** Marks of a validity without end, as printed (`长期`; OCR keeps one of the two characters at worst). */
const OPEN_ENDED = /长期|长|期/;

export interface ValidityOptions {
  /** Lengths the document may be issued for, in years (e.g. 6 and 10 for a 驾驶证). */
  years: readonly number[];
  /** How a validity without end is printed and returned. Default `长期`. */
  openEnded?: string;
  /** How each date part is returned. Default ISO. */
  format?: DateFormat;
}

/**
 * A validity as printed either as a length (`6年`, `10年`, `长期`) or as a span (`2016-03-01至2022-03-01`,
 * `2016-03-01至长期`). The value is the length (`6年`, `长期`); parts `from` and `to` carry the span's dates (`to` is
 * `长期` when open-ended). A span whose length is not one of `years` still parses, flagged `date_inconsistent`.
 */
export function validity(options: ValidityOptions): ValueParser {
  const openEnded = options.openEnded ?? '长期';
  const fmt = (iso: string) => formatDate(iso, options.format ?? 'YYYY-MM-DD');
  return (raw): ParsedValue | undefined => {
    const dates = datesIn(raw);
    if (dates.length >= 2) {
      const years = wholeYearsBetween(dates[0], dates[1]);
      const ok = years !== undefined && options.years.includes(years);
      return {
        value: ok ? `${years}年` : '',
        parts: { from: fmt(dates[0]), to: fmt(dates[1]) },
        warnings: ok ? [] : ['date_inconsistent'],
      };
    }
    if (dates.length === 1) {
      const rest = raw.slice(raw.lastIndexOf(dates[0].slice(0, 4)) + 8);
      if (OPEN_ENDED.test(rest)) return { value: openEnded, parts: { from: fmt(dates[0]), to: openEnded } };
      return undefined;
    }
    const length = /(\d{1,2})年/.exec(raw);
    if (length && options.years.includes(Number(length[1]))) return { value: `${Number(length[1])}年` };
    if (OPEN_ENDED.test(raw)) return { value: openEnded };
    return undefined;
  };
}

export interface DateRangeOptions {
  /** How the two dates are written in the value. Default ISO. */
  format?: DateFormat;
  /** Printed between the two dates in the value. Default `-`. */
  separator?: string;
  /** How a range without end is printed and returned. Default `长期`. */
  openEnded?: string;
  /** Whole years the range may span (居民身份证法 §5: 5, 10, 20); another span is flagged `date_inconsistent`. */
  years?: readonly number[];
}

/**
 * A range of two dates, or a date and no end, as printed (`2015.03.07-2035.03.07`, `2015.03.07-长期`; separators lost
 * or read as other dashes are tolerated). The value is the range as printed in `format` (`2015.03.07-2035.03.07`),
 * parts `from` and `to` are ISO (`to` is `openEnded` for a range without end). Undefined unless the start (and a
 * dated end) are real dates; an open end needs `长` or `期` after the start (OCR keeps one of the two at worst).
 */
export function dateRange(options: DateRangeOptions = {}): ValueParser {
  const openEnded = options.openEnded ?? '长期';
  const fmt = (iso: string) => formatDate(iso, options.format ?? 'YYYY-MM-DD');
  const join = (from: string, to: string) =>
    `${fmt(from)}${options.separator ?? '-'}${to === openEnded ? to : fmt(to)}`;
  return (raw): ParsedValue | undefined => {
    const dates = datesIn(raw);
    if (dates.length >= 2) {
      const [from, to] = dates;
      const years = wholeYearsBetween(from, to);
      const lawful = !options.years || (years !== undefined && options.years.includes(years));
      return { value: join(from, to), parts: { from, to }, warnings: lawful ? [] : ['date_inconsistent'] };
    }
    if (dates.length === 1) {
      const rest = raw.slice(raw.lastIndexOf(dates[0].slice(0, 4)) + 8);
      if (OPEN_ENDED.test(rest)) return { value: join(dates[0], openEnded), parts: { from: dates[0], to: openEnded } };
    }
    return undefined;
  };
}

/**
 * A day-first date as Hong Kong cards and many passports print it, `DD-MM-YYYY` or `DD-MM-YY` (separators `-`, `.`,
 * `/` or none), returned ISO. A two-digit year is 20YY (issue dates; card-types.md §1001: `DD-MM-YY→20YY-MM-DD`).
 * `pick: 'last'` takes the last such date of the text (an issue date printed after a bracketed first-issue month).
 */
export function dayFirstDate(options: { pick?: 'first' | 'last' } = {}): ValueParser {
  return (raw) => {
    const found = [...raw.matchAll(/(?<![\d(（])(\d{2})[-./]?(\d{2})[-./]?(\d{4}|\d{2})(?![\d)）])/g)]
      .map((m) => [m[3].length === 2 ? `20${m[3]}` : m[3], m[2], m[1]])
      .filter(([y, m, d]) => isRealDate(Number(y), Number(m), Number(d)))
      .map(([y, m, d]) => `${y}-${m}-${d}`);
    const iso = options.pick === 'last' ? found[found.length - 1] : found[0];
    return iso ? { value: iso } : undefined;
  };
}

/**
 * A validity returned as printed, `YYYY.MM.DD-YYYY.MM.DD` or `YYYY.MM.DD-长期` (card-types.md decision 3: the ID
 * back's and the residence permits' `有效期限`): {@link dateRange} in the dotted format.
 */
export function printedValidity(options: { years?: readonly number[]; openEnded?: string } = {}): ValueParser {
  return dateRange({ format: 'YYYY.MM.DD', separator: '-', openEnded: options.openEnded, years: options.years });
}

/** English month abbreviations as travel documents print them (ICAO 9303-3: the VIZ month is `JAN`…`DEC`). */
const MONTH_ABBREVIATIONS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * A date printed day, month, year as the visual zone of passports and visas prints it (ICAO 9303-3: `12 AUG 1974`),
 * a national month optionally before the English one (the Chinese passport's `12 8月/AUG 1974`). The English month
 * may be read with one wrong letter when no other month is as close; without it the national month number decides.
 * Returned in `format`; `undefined` when no real date is read.
 */
export function dayMonthYear(format: DateFormat = 'YYYY-MM-DD'): ValueParser {
  const pattern = /(\d{1,2})(?:\|(\d{1,2})月)?[/|]?([A-Za-z0-9]{3})?\.?,?(\d{4})/;
  return (raw) => {
    // Spaces are gone from OCR text: a zero-padded day runs into the national month (`276月`), cut it off first.
    const m = pattern.exec(raw.replace(/\s+/g, '').replace(/^(\d{2})(?=\d{1,2}月)/, '$1|'));
    if (!m) return undefined;
    const [, day, national, english, year] = m;
    const month = englishMonth(english) ?? (national ? Number(national) : undefined);
    if (month === undefined || !isRealDate(Number(year), month, Number(day))) return undefined;
    return { value: formatDate(`${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`, format) };
  };
}

function englishMonth(text: string | undefined): number | undefined {
  if (!text) return undefined;
  // Digits read for the letters they resemble (`0CT`).
  const upper = text.toUpperCase().replace(/0/g, 'O').replace(/1/g, 'I').replace(/5/g, 'S').replace(/8/g, 'B');
  const distances = MONTH_ABBREVIATIONS.map((m) => [...m].filter((c, i) => upper[i] !== c).length);
  const best = Math.min(...distances);
  if (best > 1 || distances.filter((d) => d === best).length > 1) return undefined;
  return distances.indexOf(best) + 1;
}
