import {
  type DocumentSpec,
  chineseName,
  citizenIdNumber,
  date,
  idDigits,
  oneOf,
  placeNames,
  portraitBeside,
  sameDate,
  sexFromId,
  text,
} from '@zhengjian/recognition';

/** A 港澳台居民居住证 number on the page: 810000 (Hong Kong), 820000 (Macau) or 830000 (Taiwan), look-alikes allowed. */
const PERMIT_NUMBER = /8[123][0OoD]{4}[0-9OoDIl|B]{11}[0-9XxK×]/;

/**
 * cardType 31, 港澳台居民居住证 正面 (2018): laid out like the resident ID card front without 民族: 姓名, 性别, 出生,
 * 住址 (up to three lines), 公民身份号码 (GB 11643, 810000/820000/830000 + birth date + order + MOD 11-2 check,
 * card-types.md §3.1), portrait on the right. 215305 when neither the number nor the name is legible.
 */
export const HMT_RESIDENCE_PERMIT_FRONT: DocumentSpec = {
  cardType: 31,
  signature: {
    titles: [],
    labels: ['公民身份号码', '住址', '出生', '姓名'],
    // The front has no title: the number's 81/82/83 prefix is what tells it from a resident ID card front.
    tokens: [(page) => PERMIT_NUMBER.test(page.replace(/\s/g, ''))],
    threshold: 5,
  },
  fields: [
    { key: '姓名', labels: ['姓名'], at: 'right', parse: chineseName() },
    { key: '性别', labels: ['性别'], at: 'right', parse: oneOf(['男', '女'], { maxDistance: 0 }) },
    { key: '出生', labels: ['出生'], at: 'right', parse: date() },
    { key: '住址', labels: ['住址'], at: 'continued', maxLines: 3, parse: text({ minLength: 4 }) },
    { key: '公民身份号码', labels: ['公民身份号码'], at: 'anywhere', pattern: PERMIT_NUMBER, parse: citizenIdNumber() },
  ],
  required: ['公民身份号码', '姓名'],
  rules: [placeNames('住址'), sameDate('出生', idDigits('公民身份号码', 7, 14)), sexFromId('性别', '公民身份号码')],
  // GA 450 positions (mm on the 85.6 × 54 card): photo right of the values, 姓名 and number rows 37.5 mm apart.
  hooks: {
    portrait: portraitBeside({
      from: ['姓名'],
      to: ['公民身份号码'],
      rowsApart: 37.5,
      box: { left: 48, right: 73.5, top: -4, bottom: 28 },
      requires: '姓名',
    }),
  },
};
