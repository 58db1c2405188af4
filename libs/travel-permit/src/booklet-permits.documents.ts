import { taiwanId } from '@zhengjian/identifiers';
import {
  type DocumentSpec,
  checkedIdentifier,
  type FieldSpec,
  citizenIdNumber,
  date,
  hanWithLatin,
  joined,
  oneOf,
  text,
  token,
} from '@zhengjian/recognition';
import type { MrzDocument, MrzVizField } from './mrz-fields';
import { mrzLineToken, zoneShapeToken } from './mrz-fields';
import { portraitAt } from './portrait-geometry';
import { nameLineFromPrint } from './zone-rebuild';
import { sexName, zoneLine, zoneName } from './zone-values';

/*
 * The booklet permits' data pages (125 × 88 mm, TD3 2 × 44 zone): 9 往来港澳通行证 2005版, 10 台湾居民往来大陆通行证
 * 1992版, 11 大陆居民往来台湾通行证 1992版. Chinese labels with the value under each, dates `YYYY.MM.DD`, the number
 * printed red without a label. The zone gives the document code, the romanised names, the state codes and its lines;
 * printed fields it repeats (number, sex, dates, names) are cross-checked against it.
 */

const HAN = /[\u3400-\u9fff]/u;
const sex = oneOf(['男', '女'], { maxDistance: 0 });

// The portrait left of the field column: 30 × 40 mm, 35 mm left of the `姓名` label, from its baseline.
const portrait = portraitAt({
  upper: ['姓名'],
  lower: ['签发地点'],
  apart: 30,
  left: -35,
  top: -1,
  width: 30,
  height: 40,
  when: '中文姓名',
});

// The cards of the same name print their validity as one period under 有效期限; the booklets print 签发日期 and
// 有效期至 apart. A period, or the CS-layout line of a card, on the page is a card's.
const CARD_VALIDITY = (text: string): boolean => /\d{4}\.\d{2}\.\d{2}-\d{4}\.\d{2}\.\d{2}/.test(text);

const below = (key: string, label: string, parse: FieldSpec['parse']): FieldSpec => ({
  key,
  labels: [label],
  at: 'below',
  parse,
});

/** The printed number (no label): the first line that is the whole number. */
const number = (key: string, pattern: RegExp): FieldSpec => ({
  key,
  at: 'anywhere',
  pattern,
  parse: token(pattern),
});

const commonViz = (keys: { sex: string; birth: string; expiry: string }): MrzVizField[] => [
  { key: keys.sex, from: sexName },
  { key: keys.birth, from: 'birthDate', check: 'birthDate' },
  { key: keys.expiry, from: 'expiryDate', check: 'expiryDate' },
];

/** cardType 9, 往来港澳通行证 2005版 (zone document code `CS`, number `W` + 8 digits). */
const HK_MACAO_2005_SPEC: DocumentSpec = {
  cardType: 9,
  signature: {
    titles: ['中华人民共和国往来港澳通行证', '往来港澳通行证'],
    labels: ['签发机关', '出生地点'],
    tokens: [mrzLineToken(/^CS/)],
    vetoes: [zoneShapeToken('cs-line'), CARD_VALIDITY],
  },
  fields: [
    number('证件号码', /^[A-Z]\d{8}$/),
    { ...below('中文姓名', '姓名', hanWithLatin({ minLength: 2 })), into: { latin: '英文姓名' } },
    below('性別', '性别', sex),
    below('出生日期', '出生日期', date()),
    below('出生地', '出生地点', text({ keep: HAN })),
    below('签发日期', '签发日期', date()),
    below('有效期至', '有效期至', date()),
    below('签发地点', '签发地点', text({ keep: HAN })),
    below('签发机关', '签发机关', text({ keep: HAN, minLength: 4 })),
  ],
  required: ['证件号码', '中文姓名'],
  rules: [joined('证件号码MRZ', ['证件号码'])],
  hooks: { portrait },
};

export const HK_MACAO_PERMIT_2005: MrzDocument = {
  spec: HK_MACAO_2005_SPEC,
  formats: ['TD3'],
  zone: [
    { key: '证件类型', from: 'documentCode' },
    { key: '证件号码MRZ', from: 'documentNumber', check: 'documentNumber' },
    { key: '英文姓名', from: zoneName },
    { key: '签发国代码', from: 'issuingState' },
    { key: '英文姓', from: 'surname' },
    { key: '英文名', from: 'givenNames' },
    { key: 'MRZ1', from: zoneLine(0) },
    { key: 'MRZ2', from: zoneLine(1) },
    { key: '持证人国际代码', from: 'nationality' },
  ],
  viz: [
    { key: '证件号码', from: 'documentNumber', check: 'documentNumber' },
    ...commonViz({ sex: '性別', birth: '出生日期', expiry: '有效期至' }),
  ],
  rebuild: nameLineFromPrint({ fullName: '英文姓名', code: 'CS', issuer: 'CHN' }),
};

/** cardType 10, 台湾居民往来大陆通行证 1992版 (number 8 digits, zone code reported as `CT`; issue count in the zone). */
const TAIWAN_RESIDENT_1992_SPEC: DocumentSpec = {
  cardType: 10,
  signature: {
    titles: ['台湾居民来往大陆通行证', '台湾居民往来大陆通行证'],
    labels: ['签发次数', '职业', '身份证号'],
    tokens: [mrzLineToken(/^CT/)],
    vetoes: [zoneShapeToken('cs-line'), CARD_VALIDITY],
  },
  fields: [
    number('证件号码', /^\d{8}$/),
    { ...below('中文姓名', '姓名', hanWithLatin({ minLength: 2 })), into: { latin: '英文姓名' } },
    below('性别', '性别', sex),
    below('出生日期', '出生日期', date()),
    below(
      '身份证号码',
      '身份证号',
      checkedIdentifier({
        candidates: /[A-Z0-9][12I][0-9OIlSB]{8}/,
        // OCR reads the letter O as a zero far more often than D or Q, which the check alone cannot tell apart.
        prepare: (r) => r.replace(/^0/, 'O'),
        correct: (r) => taiwanId.correct(r),
      }),
    ),
    below('职业', '职业', text({ keep: HAN })),
    below('签发日期', '签发日期', date()),
    below('有效期至', '有效期至', date()),
    below('签发次数(VIZ)', '签发次数', token(/^(\d{1,2})$/)),
    below('签发地点', '签发地点', text({ keep: HAN })),
    below('签发机关', '签发机关', text({ keep: HAN, minLength: 4 })),
    below('住址', '住址', text({ keep: HAN, minLength: 2 })),
  ],
  required: ['证件号码', '中文姓名'],
  rules: [joined('证件号码(MRZ)', ['证件号码']), joined('签发次数', ['签发次数(VIZ)'])],
  hooks: { portrait },
};

export const TAIWAN_RESIDENT_PERMIT_1992: MrzDocument = {
  spec: TAIWAN_RESIDENT_1992_SPEC,
  formats: ['TD3'],
  zone: [
    { key: '证件类型', from: 'documentCode' },
    { key: '证件号码(MRZ)', from: 'documentNumber', check: 'documentNumber' },
    { key: '英文姓名', from: zoneName },
    { key: '签发国代码', from: 'issuingState' },
    { key: '英文姓', from: 'surname' },
    { key: '英文名', from: 'givenNames' },
    { key: 'MRZ1', from: zoneLine(0) },
    { key: 'MRZ2', from: zoneLine(1) },
    { key: '持证人国籍代码', from: 'nationality' },
    { key: '签发次数', from: 'optionalData', check: 'personalNumber' },
  ],
  viz: [
    { key: '证件号码', from: 'documentNumber', check: 'documentNumber' },
    { key: '签发次数(VIZ)', from: 'optionalData', check: 'personalNumber' },
    ...commonViz({ sex: '性别', birth: '出生日期', expiry: '有效期至' }),
  ],
  rebuild: nameLineFromPrint({ fullName: '英文姓名', code: 'CT', issuer: 'CHN' }),
};

/** cardType 11, 大陆居民往来台湾通行证 1992版 (traditional keys; the holder's 公民身份号码, GB 11643 checked). */
const TAIWAN_TRAVEL_1992_SPEC: DocumentSpec = {
  cardType: 11,
  signature: {
    titles: ['大陆居民往来台湾通行证'],
    labels: ['身份证号', '签发机关'],
    tokens: [mrzLineToken(/^CD/)],
  },
  fields: [
    number('證件號碼MRZ', /^[A-Z]\d{8}$/),
    { ...below('中文姓名', '姓名', hanWithLatin({ minLength: 2 })), into: { latin: '英文姓名' } },
    below('性别OCR', '性别', sex),
    below('出生日期OCR', '出生日期', date()),
    below('身份證號碼', '身份证号', citizenIdNumber()),
    below('簽發日期', '签发日期', date()),
    below('有效期至OCR', '有效期至', date()),
    below('簽發地點', '签发地点', text({ keep: HAN })),
  ],
  required: ['證件號碼MRZ', '中文姓名'],
  rules: [
    joined('中文姓名OCR', ['中文姓名']),
    joined('性别', ['性别OCR']),
    joined('出生日期', ['出生日期OCR']),
    joined('有效期至', ['有效期至OCR']),
  ],
  hooks: { portrait },
};

export const TAIWAN_TRAVEL_PERMIT_1992: MrzDocument = {
  spec: TAIWAN_TRAVEL_1992_SPEC,
  formats: ['TD3'],
  zone: [
    { key: '證件類型', from: 'documentCode' },
    { key: '英文姓名', from: zoneName },
    { key: '性别', from: sexName },
    { key: '出生日期', from: 'birthDate', check: 'birthDate' },
    { key: '有效期至', from: 'expiryDate', check: 'expiryDate' },
    { key: '簽發國代碼', from: 'issuingState' },
    { key: '英文姓', from: 'surname' },
    { key: '英文名', from: 'givenNames' },
    { key: 'MRZ1', from: zoneLine(0) },
    { key: 'MRZ2', from: zoneLine(1) },
    { key: '持證人國籍代碼', from: 'nationality' },
  ],
  viz: [
    { key: '證件號碼MRZ', from: 'documentNumber', check: 'documentNumber' },
    ...commonViz({ sex: '性别OCR', birth: '出生日期OCR', expiry: '有效期至OCR' }),
  ],
  rebuild: nameLineFromPrint({ fullName: '英文姓名', code: 'CD', issuer: 'CHN' }),
};
