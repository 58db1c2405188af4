import {
  type FieldReading,
  type FieldSpec,
  type PageLayout,
  type Rect,
  type Rule,
  type ValueParser,
  chineseName,
  date,
  findAnyLabel,
  text,
} from '@zhengjian/recognition';
import { type MrzDocument, zoneShapeToken } from './mrz-fields';
import type { MrzResult } from './mrz.types';
import {
  issueCount,
  permitNumber,
  permitSex,
  nameLineFromPrinted,
  romanName,
  splitCantoneseSyllables,
  validityPeriod,
} from './permit-values';

/**
 * The exit-entry permit cards' photo sides (ID-1, ISO/IEC 7810) read as a printed zone plus, where the card has one,
 * a machine-readable zone (card-types.md §14, §22, §25, §29). Every printed field sits under its bilingual label
 * (`姓名/Name`); numbers are printed in red without a label; names in pinyin as `SURNAME, GIVEN`; dates
 * `YYYY.MM.DD`, the validity `YYYY.MM.DD-YYYY.MM.DD`.
 */

const HAN_TEXT = text({ keep: /[\u3400-\u9fff]/u, minLength: 2 });

/** The end date of a printed validity `YYYY.MM.DD-YYYY.MM.DD`. */
function validityEnd(): ValueParser {
  const period = validityPeriod();
  return (raw) => {
    const p = period(raw);
    return p?.parts ? { value: p.parts.to } : undefined;
  };
}

/** The start date of a printed validity (the issue date of cards that print no 签发日期). */
function validityStart(): ValueParser {
  const period = validityPeriod();
  return (raw) => {
    const p = period(raw);
    return p?.parts ? { value: p.parts.from } : undefined;
  };
}

/** A line that is a red card number alone (no fillers, no spaces in between, short). */
const NUMBER_LINE = /^[^<\u3400-\u9fff]{8,12}$/;
/** A romanised `SURNAME, GIVEN` line (the comma may be read as `.` or `，`). */
const ROMAN_LINE = /^[A-Z][A-Z-]*[,，.][A-Z]/;

const name: FieldSpec = { key: '中文姓名', labels: ['姓名'], at: 'below', parse: chineseName() };
const roman = (into?: FieldSpec['into']): FieldSpec => ({
  key: '英文姓名',
  at: 'anywhere',
  pattern: ROMAN_LINE,
  keepSpaces: true,
  parse: romanName(),
  into,
});
const birth: FieldSpec = { key: '出生日期', labels: ['出生日期'], at: 'below', parse: date() };
const sex: FieldSpec = { key: '性别', labels: ['性别'], at: 'below', parse: permitSex() };
const expiry: FieldSpec = { key: '有效期至', labels: ['有效期限'], at: 'below', parse: validityEnd() };
const place: FieldSpec = { key: '签发地点', labels: ['签发地点'], at: 'below', parse: HAN_TEXT };
const authority: FieldSpec = { key: '签发机关', labels: ['签发机关'], at: 'below', parse: HAN_TEXT };
const number = (key: string, ...shapes: string[]): FieldSpec => ({
  key,
  at: 'anywhere',
  pattern: NUMBER_LINE,
  parse: permitNumber(...shapes),
});

/**
 * The portrait of a permit card: a rectangle given in millimetres from the `姓名` label's top-left, scaled by the
 * distance from the `姓名` label to the `签发机关` label (`span` mm on the card).
 */
function portraitFromLabels(span: number, mm: Rect) {
  return (layout: PageLayout, fields: Readonly<Record<string, FieldReading>>): Rect | undefined => {
    const top = findAnyLabel(layout, ['姓名']);
    const bottom = findAnyLabel(layout, ['签发机关']);
    if (!top || !bottom || !fields['中文姓名']) return undefined;
    const unit = (bottom.line.rect.top - top.line.rect.top) / span;
    if (unit <= 0) return undefined;
    const { left, top: y } = top.line.rect;
    return {
      left: left + mm.left * unit,
      right: left + mm.right * unit,
      top: y + mm.top * unit,
      bottom: y + mm.bottom * unit,
    };
  };
}

/** The one CS line, as read (corrected). */
const zoneLine =
  (i: number) =>
  (z: MrzResult): string =>
    z.lines[i] ?? '';

/**
 * cardType 22, 往来港澳通行证 2014 card (photo side): number `C` + digit or letter + 7 digits (§3.6), printed red
 * (证件号码VIZ) and in the one-line zone `CS…` (证件号码, with its check digit); dates, name, sex, place and
 * authority printed. The zone's dates are cross-checked with the printed ones.
 */
export const HK_MACAO_PERMIT_2014: MrzDocument = {
  spec: {
    cardType: 22,
    signature: {
      // The 2005 booklet (9) prints the same title: the zone tells them apart.
      titles: ['中华人民共和国往来港澳通行证', '往来港澳通行证'],
      labels: ['签发地点', '有效期限', '签发机关'],
      tokens: [zoneShapeToken('cs-line', ['CS'])],
      vetoes: [zoneShapeToken('two-line')],
    },
    fields: [number('证件号码VIZ', 'CADDDDDDD'), name, roman(), birth, sex, expiry, place, authority],
    required: ['证件号码VIZ', '中文姓名'],
    hooks: { portrait: portraitFromLabels(25.5, { left: 56, right: 77, top: 5.3, bottom: 32.3 }) },
  },
  formats: ['CN-CS', 'CN-3x30'],
  codes: ['CS'],
  needsPrint: true,
  zone: [
    { key: 'MRZ', from: zoneLine(0) },
    { key: '证件号码', from: 'documentNumber', check: 'documentNumber' },
  ],
  viz: [
    { key: '证件号码VIZ', from: 'documentNumber', check: 'documentNumber' },
    { key: '出生日期', from: 'birthDate', check: 'birthDate' },
    { key: '有效期至', from: 'expiryDate', check: 'expiryDate' },
  ],
};

/**
 * Hong Kong and Macao residents' romanised given names print one word per Chinese character (`CHAN, TAI MAN`); OCR
 * often drops the space. A one-word 英文名 is split into as many syllables as the Chinese given name has characters
 * (the 中文姓名 after a one-character surname).
 */
const cantoneseGivenName: Rule = (ctx) => {
  const [chinese, surname, given] = ['中文姓名', '英文姓', '英文名'].map((k) => ctx.fields[k]);
  if (!chinese || !surname || !given || /[\s-]/.test(given.value) || /\s/.test(surname.value)) return;
  const parts = splitCantoneseSyllables(given.value, [...chinese.value].length - 1);
  if (!parts || parts.length < 2) return;
  const value = parts.join(' ');
  ctx.fields['英文名'] = { ...given, value };
  const full = ctx.fields['英文姓名'];
  if (full) ctx.fields['英文姓名'] = { ...full, value: `${surname.value}, ${value}` };
};

/** Keys of a romanised name printed `SURNAME, GIVEN` split into 英文姓 / 英文名. */
const ROMAN_PARTS = { surname: '英文姓', given: '英文名' } as const;

/**
 * cardType 14, 港澳居民来往内地通行证 (2012 card, photo side): number `H`/`M` + 8 digits (+ 2 digits of 换证次数,
 * §3.6), romanised name split into 英文姓/英文名, 有效期限 as printed with 签发日期 and 有效期至 its ends, 换证次数.
 * 港澳证件号码, 其他姓名 and 归属地 are not printed on this side.
 */
export const HK_MACAO_RESIDENT_PERMIT: MrzDocument = {
  spec: {
    cardType: 14,
    signature: { titles: ['港澳居民来往内地通行证'], labels: ['换证次数', '有效期限', '签发机关'] },
    fields: [
      number('证件号码', 'LDDDDDDDDDD', 'LDDDDDDDD'),
      name,
      roman(ROMAN_PARTS),
      birth,
      sex,
      {
        key: '有效期限',
        labels: ['有效期限'],
        at: 'below',
        parse: validityPeriod(),
        into: { from: '签发日期', to: '有效期至' },
      },
      authority,
      { key: '换证次数', labels: ['换证次数'], at: 'below', parse: issueCount() },
    ],
    required: ['证件号码', '中文姓名'],
    rules: [
      (ctx) => {
        const n = ctx.fields['证件号码'];
        if (n && !/^[HM]/.test(n.value)) ctx.warn('checksum_failed');
      },
      cantoneseGivenName,
    ],
    hooks: { portrait: portraitFromLabels(25.08, { left: 56, right: 77, top: 6.8, bottom: 33.8 }) },
  },
  formats: [],
  zone: [],
};

/**
 * cardType 25, 台湾居民来往大陆通行证 (2015 card, photo side): number 8 digits (10 with the 签发次数, §3.6), name,
 * dates, place, authority and 签发次数 printed.
 */
export const TAIWAN_RESIDENT_PERMIT: MrzDocument = {
  spec: {
    cardType: 25,
    signature: {
      titles: ['台湾居民来往大陆通行证'],
      labels: ['签发次数', '有效期限', '签发地点'],
      // The 1992 booklet (10) prints the same title; its 2 × 44 zone is never on the card.
      vetoes: [zoneShapeToken('two-line')],
    },
    fields: [
      number('证件号码', 'DDDDDDDDDD', 'DDDDDDDD'),
      name,
      roman(),
      birth,
      sex,
      expiry,
      place,
      authority,
      { key: '签发次数', labels: ['签发次数'], at: 'below', parse: issueCount() },
    ],
    required: ['证件号码', '中文姓名'],
    hooks: { portrait: portraitFromLabels(25.08, { left: 56, right: 77, top: 6.8, bottom: 33.8 }) },
  },
  formats: [],
  zone: [],
};

/**
 * cardType 29, 往来台湾通行证 2017 card (photo side): number `L` + 8 digits (unverified, card-types.md §29), a 3 × 30
 * zone with document code `CD` (TD1 layout) whose number, dates and lines are used and cross-checked; 签发日期 is
 * the validity's start.
 */
export const TAIWAN_TRAVEL_PERMIT_2017: MrzDocument = {
  spec: {
    cardType: 29,
    signature: {
      titles: ['往来台湾通行证'],
      labels: ['签发地点', '有效期限', '签发机关'],
      tokens: [/^CD[A-Z<]{3}/m],
    },
    fields: [
      number('证件号码', 'LDDDDDDDD'),
      name,
      roman(),
      birth,
      sex,
      expiry,
      { key: '签发日期', labels: ['有效期限'], at: 'below', parse: validityStart() },
      place,
      authority,
    ],
    required: ['证件号码', '中文姓名'],
    hooks: { portrait: portraitFromLabels(21.78, { left: 58, right: 77, top: 5.3, bottom: 28.3 }) },
  },
  formats: ['TD1', 'CN-3x30'],
  codes: ['CD'],
  needsPrint: true,
  zone: [
    { key: 'MRZ1', from: zoneLine(0) },
    { key: 'MRZ2', from: zoneLine(1) },
    { key: 'MRZ3', from: (z, printed) => nameLineFromPrinted(zoneLine(2)(z), printed['英文姓名']?.value) },
  ],
  viz: [
    { key: '证件号码', from: 'documentNumber', check: 'documentNumber' },
    { key: '出生日期', from: 'birthDate', check: 'birthDate' },
    { key: '有效期至', from: 'expiryDate', check: 'expiryDate' },
    { key: '性别', from: (z) => sexOf(z.fields.sex), preferPrinted: true },
  ],
};

/** `M`/`F` of a zone as `男`/`女`. */
export function sexOf(code: string): string {
  return code === 'M' ? '男' : code === 'F' ? '女' : '';
}
