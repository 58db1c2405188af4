import { citizenId } from '@zhengjian/identifiers';
import { correctAddressPlaces } from '../lexicon/place-names';
import { addYears, wholeYearsBetween } from '../values/dates';
import type { Rule, RuleContext } from './document-spec';

/** A value computed from read fields (for rules comparing or filling a field with it). */
export interface Derived {
  from: readonly string[];
  compute(fields: RuleContext['fields']): string | undefined;
}

/**
 * Characters `first`–`last` (1-based, inclusive) of a checked 18-digit ID number as a date `YYYY-MM-DD`
 * (GB 11643: positions 7–14 are the birth date). Undefined unless the number passes its check.
 */
export function idDigits(key: string, first: number, last: number): Derived {
  return {
    from: [key],
    compute: (fields) => {
      const id = fields[key]?.value;
      if (!id || !citizenId.isValid(id)) return undefined;
      const d = id.slice(first - 1, last);
      return d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : undefined;
    },
  };
}

/** `target` must equal `source`: filled from it when not read, `date_inconsistent` when they differ. */
export function sameDate(target: string, source: Derived): Rule {
  return (ctx) => {
    const expected = source.compute(ctx.fields);
    if (expected === undefined) return;
    const read = ctx.fields[target]?.value;
    if (!read) ctx.derive(target, expected, source.from, 0.9);
    else if (read !== expected) ctx.warn('date_inconsistent');
  };
}

/** 性别 from a checked ID number's 17th digit (odd = 男, GB 11643): filled when not read, `sex_inconsistent` otherwise. */
export function sexFromId(target: string, idKey: string): Rule {
  return (ctx) => {
    const id = ctx.fields[idKey]?.value;
    const parsed = id ? citizenId.parse(id) : undefined;
    if (!parsed?.valid || !parsed.sex) return;
    const read = ctx.fields[target]?.value;
    if (!read) ctx.derive(target, parsed.sex, [idKey], 0.9);
    else if (read !== parsed.sex) ctx.warn('sex_inconsistent');
  };
}

/** `later` (ISO date) must be on or after `earlier` plus `minYears` (default 0); `date_inconsistent` otherwise. */
export function notBefore(later: string, earlier: string, minYears = 0): Rule {
  return (ctx) => {
    const a = ctx.fields[later]?.value;
    const b = ctx.fields[earlier]?.value;
    if (!isIso(a) || !isIso(b)) return;
    if (a < addYears(b, minYears)) ctx.warn('date_inconsistent');
  };
}

/**
 * A validity of `years` (e.g. 6 or 10) or open-ended (`openEnded`, default `长期`) held in three keys: start date
 * `from`, length `span` (`6年`/`长期`) and end `to`. Fills the one missing from the other two; flags
 * `date_inconsistent` when all three are read and disagree, and `expired` when `to` is before today.
 */
export function validitySpan(
  keys: { from: string; span: string; to: string },
  years: readonly number[],
  openEnded = '长期',
): Rule {
  return (ctx) => {
    const from = ctx.fields[keys.from]?.value;
    const span = ctx.fields[keys.span]?.value;
    const to = ctx.fields[keys.to]?.value;
    const spanYears = span && span !== openEnded ? Number(/^(\d+)年$/.exec(span)?.[1]) : undefined;
    const sources = [keys.from, keys.span];
    if (isIso(from) && span === openEnded) {
      if (!to) ctx.derive(keys.to, openEnded, sources);
      else if (to !== openEnded) ctx.warn('date_inconsistent');
    } else if (isIso(from) && spanYears && years.includes(spanYears)) {
      if (!to) ctx.derive(keys.to, addYears(from, spanYears), sources);
      else if (to !== addYears(from, spanYears)) ctx.warn('date_inconsistent');
    } else if (isIso(from) && isIso(to) && !span) {
      const y = wholeYearsBetween(from, to);
      if (y !== undefined && years.includes(y)) ctx.derive(keys.span, `${y}年`, [keys.from, keys.to]);
      else ctx.warn('date_inconsistent');
    } else if (!from && isIso(to) && spanYears && years.includes(spanYears)) {
      ctx.derive(keys.from, addYears(to, -spanYears), [keys.span, keys.to]);
    }
    const end = ctx.fields[keys.to]?.value;
    if (isIso(end) && end < ctx.today) ctx.warn('expired');
  };
}

/** `expired` when the ISO date in `key` is before today. */
export function notExpired(key: string): Rule {
  return (ctx) => {
    const end = ctx.fields[key]?.value;
    if (isIso(end) && end < ctx.today) ctx.warn('expired');
  };
}

function isIso(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * Repairs one-character OCR slips in the province / city / county names that start an address (GB/T 2260, see
 * `correctAddressPlaces`); a checked ID number in `hintKey` (its region code) breaks ties. Confidence × 0.95 when
 * something was repaired.
 */
export function placeNames(key: string, hintKey?: string): Rule {
  return (ctx) => {
    const reading = ctx.fields[key];
    if (!reading) return;
    const hint = hintKey ? ctx.fields[hintKey]?.value.slice(0, 6) : undefined;
    const places = correctAddressPlaces(reading.value, hint);
    if (!places.corrected) return;
    ctx.fields[key] = { ...reading, value: places.text, confidence: Math.round(reading.confidence * 950) / 1000 };
  };
}

/**
 * Fills `target` from other keys joined by `separator` (`本国姓名` = `本国姓` + `本国名`; a key repeated under a
 * second name with one source): only when every source was read and `target` was not.
 */
export function joined(target: string, sources: readonly string[], separator = ''): Rule {
  return (ctx) => {
    const values = sources.map((k) => ctx.fields[k]?.value);
    if (values.every((v): v is string => !!v)) ctx.derive(target, values.join(separator), sources);
  };
}
