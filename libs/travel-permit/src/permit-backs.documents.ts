import { type DocumentSpec, citizenIdNumber, date, chineseName } from '@zhengjian/recognition';
import type { MrzDocument, MrzFieldSource, MrzVizField } from './mrz-fields';
import type { MrzResult } from './mrz.types';
import { hkOrMacauId, issueCount, permitNumber, permitSex, taiwanIdNumber } from './permit-values';
import { sexOf } from './permit-cards.documents';

/**
 * The machine-readable pages of the permits: the backs of the residents' cards (15, 26; a 3 × 30 zone in the CS-line
 * layout, card-types.md §15, §26) and the 边境地区出入境通行证 photo page (1003, a 2 × 44 zone). Keys the zone carries
 * come from it; the backs' line 3 (sex, identity card number, 换证次数) is read in the layout of
 * test/fixtures/travel/permit-backs.ts, which no public source documents (unverified).
 */

const line =
  (i: number) =>
  (z: MrzResult): string =>
    z.lines[i] ?? '';

/** Line 3 of a back's zone, split on fillers: sex, identity card number, 换证次数. */
function backLine3(z: MrzResult): { sex: string; id: string; count: string } {
  const l3 = z.lines[2] ?? '';
  const strip = (s: string): string => s.replace(/</g, '');
  return { sex: strip(l3.slice(0, 1)), id: strip(l3.slice(2, 12)), count: strip(l3.slice(13, 15)) };
}

const romanised = (z: MrzResult): string =>
  z.fields.givenNames ? `${z.fields.surname}, ${z.fields.givenNames}` : z.fields.surname;

/**
 * Line 3 of a back's zone (no check digit) rebuilt from the printed identity card number and 换证次数 when both are
 * read and the zone's line starts with a sex code: the printed values, read far more reliably than digits among
 * fillers, decide (the zone's sex code is kept).
 */
function line3FromPrinted(z: MrzResult, printed: Readonly<Record<string, { value: string }>>): string {
  const l3 = z.lines[2] ?? '';
  const id = printed['身份证件号码']?.value.replace(/[()]/g, '');
  const count = printed['换证次数']?.value;
  if (!id || !count || !/^[MF<]$/.test(l3[0] ?? '') || id.length > 10) return l3;
  return `${l3[0]}<${id.padEnd(10, '<')}<${count}`.padEnd(30, '<');
}

/** The keys both backs take from their zone. */
const BACK_KEYS: readonly MrzFieldSource[] = [
  { key: '证件类型', from: 'documentCode' },
  { key: '证件号码', from: 'documentNumber', check: 'documentNumber' },
  { key: '中文姓名', from: 'nativeName' },
  { key: '英文姓名', from: romanised },
  { key: '性别', from: (z) => sexOf(backLine3(z).sex) },
  { key: '出生日期', from: 'birthDate', check: 'birthDate' },
  { key: '有效期至', from: 'expiryDate', check: 'expiryDate' },
  { key: '英文姓', from: 'surname' },
  { key: '英文名', from: 'givenNames' },
  { key: 'MRZ1', from: line(0) },
  { key: 'MRZ2', from: line(1) },
  { key: 'MRZ3', from: line3FromPrinted },
];

/** 换证次数, printed on both backs and in their zone's line 3 (no check digit: the print is kept). */
const ISSUE_COUNT: MrzVizField = {
  key: '换证次数',
  from: (z: MrzResult) => (/^\d{2}$/.test(backLine3(z).count) ? backLine3(z).count : ''),
  preferPrinted: true,
};

const hkMacaoId = hkOrMacauId();
const taiwanIdValue = taiwanIdNumber();

/** cardType 15, 港澳居民来往内地通行证 back: zone code `CR`; the HKID or Macau ID printed and in the zone. */
export const HK_MACAO_RESIDENT_PERMIT_BACK: MrzDocument = {
  spec: {
    cardType: 15,
    signature: { titles: [], labels: ['身份证件号码'], tokens: [/^C?R[HM][0-9OIl]{6}/m], threshold: 2 },
    fields: [
      { key: '身份证件号码（VIZ）', labels: ['身份证件号码'], at: 'below', parse: hkOrMacauId() },
      { key: '身份证件号码', labels: ['身份证件号码'], at: 'below', parse: hkOrMacauId() },
      { key: '换证次数', labels: ['换证次数'], at: 'below', parse: issueCount() },
    ],
    required: ['身份证件号码（VIZ）'],
  },
  formats: ['CN-3x30'],
  codes: ['CR'],
  zone: [...BACK_KEYS, { key: '签发国代码', from: 'issuingState' }],
  viz: [
    ISSUE_COUNT,
    { key: '身份证件号码', from: (z) => hkMacaoId(backLine3(z).id)?.value ?? '', preferPrinted: true },
    { key: '身份证件号码（VIZ）', from: (z) => hkMacaoId(backLine3(z).id)?.value ?? '', preferPrinted: true },
  ],
};

/** cardType 26, 台湾居民来往大陆通行证 back: zone code `CT`; the Taiwan ID (MOI check digit) in the zone. */
export const TAIWAN_RESIDENT_PERMIT_BACK: MrzDocument = {
  spec: {
    cardType: 26,
    signature: { titles: [], labels: ['身份证件号码'], tokens: [/^C?T[0-9OIl]{6}/m], threshold: 2 },
    fields: [
      { key: '身份证件号码', labels: ['身份证件号码'], at: 'below', parse: taiwanIdNumber() },
      { key: '换证次数', labels: ['换证次数'], at: 'below', parse: issueCount() },
    ],
    required: ['身份证件号码'],
  },
  formats: ['CN-3x30'],
  codes: ['CT'],
  zone: BACK_KEYS,
  viz: [
    ISSUE_COUNT,
    { key: '身份证件号码', from: (z) => taiwanIdValue(backLine3(z).id)?.value ?? '', preferPrinted: true },
  ],
};

/**
 * The state code at `at` (issuing state, nationality: no check digit covers them) read one letter off `CHN` (`OHN`,
 * `CHM`) is `CHN`: the Chinese exit-entry documents are issued by China to its citizens.
 */
function withState(text: string, at: number): string {
  const code = text.slice(at, at + 3);
  const off = [...code].filter((c, i) => c !== 'CHN'[i]).length;
  return off === 1 ? text.slice(0, at) + 'CHN' + text.slice(at + 3) : text;
}

/**
 * cardType 1003, 边境地区出入境通行证 / 边民证(A) photo page: number printed red and in the 2 × 44 zone (TD3 layout,
 * document code `CB` in our specimens, unverified), name, sex, birth date and 公民身份号码 (GB 11643) printed.
 */
export const BORDER_PERMIT: MrzDocument = {
  spec: {
    cardType: 1003,
    signature: {
      titles: ['边境地区出入境通行证', '边民证'],
      labels: ['公民身份号码', '签发日期', '有效期至'],
    },
    fields: [
      { key: '证件号码', at: 'anywhere', pattern: /^[^<\u3400-\u9fff]{8,12}$/, parse: permitNumber('LDDDDDDDD') },
      { key: '姓名', labels: ['姓名'], at: 'below', parse: chineseName() },
      { key: '性别', labels: ['性别'], at: 'below', parse: permitSex() },
      { key: '出生日期', labels: ['出生日期'], at: 'below', parse: date() },
      { key: '身份证号码', labels: ['公民身份号码', '身份证号码'], at: 'below', parse: citizenIdNumber() },
    ],
    required: ['证件号码', '姓名'],
    hooks: {
      portrait: (layout, fields) => {
        const name = layout.lines.find((l) => l.text.startsWith('姓名'));
        const id = layout.lines.find((l) => l.text.startsWith('公民身份号码'));
        if (!name || !id || !fields['姓名']) return undefined;
        // Labels 姓名 at 17 mm and 公民身份号码 at 32 mm (baselines); the photo 6–36 × 16–56 mm, labels at x = 41.
        const unit = (id.rect.top - name.rect.top) / 15;
        if (unit <= 0) return undefined;
        const x = name.rect.left - 41 * unit;
        const y = name.rect.top - 15.6 * unit;
        return { left: x + 6 * unit, right: x + 36 * unit, top: y + 16 * unit, bottom: y + 56 * unit };
      },
    },
  } satisfies DocumentSpec,
  formats: ['TD3'],
  codes: ['CB'],
  needsPrint: true,
  zone: [
    { key: 'MRZ1', from: (z) => withState(line(0)(z), 2) },
    { key: 'MRZ2', from: (z) => withState(line(1)(z), 10) },
  ],
  viz: [
    { key: '证件号码', from: 'documentNumber', check: 'documentNumber' },
    { key: '出生日期', from: 'birthDate', check: 'birthDate' },
    { key: '性别', from: (z) => sexOf(z.fields.sex), preferPrinted: true },
  ],
};
