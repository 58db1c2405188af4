import { type DocumentSpec, dayMonthYear, hanWithLatin, joined, oneOf, text, token } from '@zhengjian/recognition';
import type { MrzDocument } from './mrz-fields';
import { mrzLineToken } from './mrz-fields';
import { nationalityName, sexName, zoneLine, zoneName } from './zone-values';
import { nameLineFromPrint } from './zone-rebuild';
import { portraitAt } from './portrait-geometry';

/**
 * cardType 13, 护照 (ICAO 9303-4 TD3 data page, 125 × 88 mm). Any passport with a TD3 zone: the zone gives 护照号码MRZ,
 * the names (英文姓, 英文名, 英文姓名, 校对英文姓/名), 性别, 出生日期, 有效期至, the state codes and the lines. The
 * Chinese passport's bilingual print (`姓/Surname`, `出生日期/Date of birth`, dates `27 6月/JUN 1976`) gives the
 * Chinese names and places with their pinyin, 签发日期 and 签发机关, and the OCR/VIZ duplicates, which are
 * cross-checked against the zone.
 */
const PASSPORT_SPEC: DocumentSpec = {
  cardType: 13,
  signature: {
    titles: ['护照', 'PASSPORT'],
    labels: ['护照号', 'PassportNo', '国家码', '出生地点', '签发地点'],
    tokens: [mrzLineToken(/^P/)],
    threshold: 3,
  },
  fields: [
    { key: '护照类型', labels: ['类型/Type', 'Type'], at: 'below', parse: token(/^([A-Z]{1,2})$/) },
    { key: '持证人国籍代码OCR', labels: ['国家码', 'CountryCode'], at: 'below', parse: token(/([A-Z]{3})/) },
    { key: '护照号码', labels: ['护照号', 'PassportNo'], at: 'below', parse: token(/([A-Z0-9]{8,9})/) },
    {
      key: '本国姓',
      labels: ['姓/Surname', 'Surname'],
      at: 'below',
      parse: hanWithLatin(),
      into: { latin: '英文姓(VIZ)' },
    },
    {
      key: '本国名',
      labels: ['名/Givennames', 'Givennames'],
      at: 'below',
      parse: hanWithLatin(),
      into: { latin: '英文名(VIZ)' },
    },
    { key: '性别OCR', labels: ['性别/Sex', '性别'], at: 'below', parse: oneOf(['男', '女'], { maxDistance: 0 }) },
    {
      key: '出生地点',
      labels: ['出生地点', 'Placeofbirth'],
      at: 'below',
      parse: hanWithLatin(),
      into: { latin: '出生地点拼音' },
    },
    { key: '出生日期OCR', labels: ['出生日期', 'Dateofbirth'], at: 'below', parse: dayMonthYear() },
    {
      key: '签发地点',
      labels: ['签发地点', 'Placeofissue'],
      at: 'below',
      parse: hanWithLatin(),
      into: { latin: '签发地点拼音' },
    },
    { key: '签发日期', labels: ['签发日期', 'Dateofissue'], at: 'below', parse: dayMonthYear() },
    { key: '有效期至OCR', labels: ['有效期至', 'Dateofexpiry'], at: 'below', parse: dayMonthYear() },
    {
      key: '签发机关OCR',
      labels: ['签发机关', 'Authority'],
      at: 'below',
      parse: text({ keep: /[\u3400-\u9fff]/u, minLength: 4 }),
    },
  ],
  required: ['护照号码', '本国姓', '出生日期OCR'],
  rules: [
    joined('本国姓名', ['本国姓', '本国名']),
    joined('本国姓名(VIZ)', ['本国姓', '本国名']),
    joined('英文姓名(VIZ)', ['英文姓(VIZ)', '英文名(VIZ)'], ' '),
    joined('本国姓名拼音OCR', ['英文姓(VIZ)', '英文名(VIZ)'], ' '),
    // What the zone also gives, from the print when the zone is not read.
    joined('护照号码MRZ', ['护照号码']),
    joined('性别', ['性别OCR']),
    joined('出生日期', ['出生日期OCR']),
    joined('有效期至', ['有效期至OCR']),
    joined('英文姓', ['英文姓(VIZ)']),
    joined('英文名', ['英文名(VIZ)']),
    joined('英文姓名', ['英文姓(VIZ)', '英文名(VIZ)'], ' '),
  ],
  // ICAO 9303-4 zone 05, left of the personal data: on the Chinese page 33 × 44 mm, 38 mm left of the field column.
  hooks: {
    portrait: portraitAt({
      upper: ['姓/Surname', 'Surname'],
      lower: ['有效期至', 'Dateofexpiry'],
      apart: 35,
      left: -38,
      top: -7,
      width: 33,
      height: 44,
      when: '本国姓',
    }),
  },
};

export const PASSPORT: MrzDocument = {
  spec: PASSPORT_SPEC,
  formats: ['TD3'],
  zone: [
    { key: '护照号码MRZ', from: 'documentNumber', check: 'documentNumber' },
    { key: '英文姓名', from: zoneName },
    { key: '性别', from: sexName },
    { key: '出生日期', from: 'birthDate', check: 'birthDate' },
    { key: '有效期至', from: 'expiryDate', check: 'expiryDate' },
    { key: '签发国代码', from: 'issuingState' },
    { key: '英文姓', from: 'surname' },
    { key: '英文名', from: 'givenNames' },
    { key: 'MRZ1', from: zoneLine(0) },
    { key: 'MRZ2', from: zoneLine(1) },
    { key: '持证人国籍代码', from: 'nationality' },
    { key: '校对英文姓', from: 'surname' },
    { key: '校对英文名', from: 'givenNames' },
    { key: '国籍', from: nationalityName },
  ],
  viz: [
    { key: '护照类型', from: (z) => z.fields.documentCode.slice(0, 1) },
    { key: '护照号码', from: 'documentNumber', check: 'documentNumber' },
    { key: '持证人国籍代码OCR', from: 'issuingState' },
    { key: '性别OCR', from: sexName },
    { key: '出生日期OCR', from: 'birthDate', check: 'birthDate' },
    { key: '有效期至OCR', from: 'expiryDate', check: 'expiryDate' },
    { key: '英文姓(VIZ)', from: 'surname', prefix: true },
    { key: '英文名(VIZ)', from: 'givenNames', prefix: true },
    { key: '英文姓名(VIZ)', from: zoneName, prefix: true },
    { key: '本国姓名拼音OCR', from: zoneName, prefix: true },
  ],
  rebuild: nameLineFromPrint({
    surname: '英文姓(VIZ)',
    given: '英文名(VIZ)',
    state: '持证人国籍代码OCR',
    type: '护照类型',
  }),
};
