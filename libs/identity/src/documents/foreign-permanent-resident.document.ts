import { citizenId } from '@zhengjian/identifiers';
import {
  type DocumentSpec,
  type Rule,
  type ValueParser,
  chineseName,
  citizenIdNumber,
  date,
  idDigits,
  oneOf,
  portraitBeside,
  printedValidity,
  sameDate,
  token,
} from '@zhengjian/recognition';
import { asDigits, englishOneOf, romanisedName } from './identity-values';

/** A 2017 number (ISO 3166 alpha-3 + 12 digits) or a 2023 one (`9` + 17 characters), look-alikes allowed. */
const CARD_NUMBER = /[A-Z]{3}[0-9ODIlBSZ]{12}|9[0-9ODIlB]{16}[0-9XxK×]/;

/**
 * 公民身份号码 of a 外国人永久居留身份证 (card-types.md §3.6): the 2023 edition's 18 characters are checked as a
 * GB 11643 number (MOD 11-2); the 2017 edition's 15 (alpha-3 nationality + 12 digits) by format, look-alikes in
 * the digit positions repaired (× 0.9).
 */
function cardNumber(): ValueParser {
  const modern = citizenIdNumber();
  return (raw) => {
    const text = raw.replace(/\s/g, '');
    const newer = /9[0-9ODIlB]{16}[0-9XxK×]/.exec(text);
    if (newer) return modern(newer[0]);
    const older = /([A-Z]{3})([0-9ODIlBSZ]{12})(?!\d)/.exec(text);
    if (!older) return undefined;
    const value = older[1] + asDigits(older[2]);
    return { value, factor: value === older[0] ? 1 : 0.9 };
  };
}

/** `美国/USA`: the Chinese name as value, the ISO 3166 alpha-3 code as part `code`. */
function nationality(): ValueParser {
  return (raw) => {
    const han = raw.replace(/[^\u3400-\u9fff]/gu, '');
    const code = /[A-Z]{3}/.exec(raw.replace(/[^A-Z]/g, ''))?.[0];
    if (!han && !code) return undefined;
    return code ? { value: han, parts: { code } } : { value: han };
  };
}

/** 持证人国籍代码 from a 2017 number, whose first three letters are the holder's alpha-3 nationality. */
const codeFromNumber: Rule = (ctx) => {
  const number = ctx.fields['公民身份号码']?.value;
  const code = number && /^[A-Z]{3}(?=\d{12}$)/.exec(number)?.[0];
  if (!code) return;
  const read = ctx.fields['持证人国籍代码']?.value;
  if (!read) ctx.derive('持证人国籍代码', code, ['公民身份号码'], 0.9);
  else if (read !== code) ctx.warn('checksum_failed');
};

/** 出生 from a 2023 number (positions 7–14), only when it passes its check. */
const birthFromNumber: Rule = (ctx) => {
  const number = ctx.fields['公民身份号码']?.value;
  if (number?.startsWith('9') && citizenId.isValid(number)) sameDate('出生', idDigits('公民身份号码', 7, 14))(ctx);
};

/**
 * cardType 33, 外国人永久居留身份证 (2017 and 2023 editions): bilingual labels; 英文姓名 `SURNAME, GIVEN` (split into
 * 英文姓 and 英文名) over the Chinese name, 性别, 出生, 国籍 `美国/USA` (with 持证人国籍代码), 有效期限 as printed
 * (`YYYY.MM.DD-YYYY.MM.DD`, 5 or 10 years), 签发机关 in Chinese and English, and the card number (key 公民身份号码).
 */
export const FOREIGN_PERMANENT_RESIDENT: DocumentSpec = {
  cardType: 33,
  signature: {
    titles: ['外国人永久居留身份证', 'Foreign Permanent Resident ID Card'],
    labels: ['国籍', '证件号码', '有效期限', '签发机关'],
    threshold: 4,
  },
  fields: [
    {
      key: '英文姓名',
      labels: ['姓名'],
      subLabels: ['Name'],
      at: 'right',
      parse: romanisedName(),
      into: { surname: '英文姓', given: '英文名' },
    },
    { key: '中文姓名', labels: ['姓名'], at: 'continued', maxLines: 2, parse: chineseName() },
    { key: '性别', labels: ['性别'], subLabels: ['Sex'], at: 'right', parse: token(/[男女]/) },
    { key: '出生', labels: ['出生日期'], subLabels: ['Date of Birth'], at: 'right', parse: date() },
    {
      key: '国籍',
      labels: ['国籍'],
      subLabels: ['Nationality'],
      at: 'right',
      parse: nationality(),
      into: { code: '持证人国籍代码' },
    },
    {
      key: '中文签发机关',
      labels: ['签发机关'],
      subLabels: ['Issuing Authority'],
      at: 'right',
      parse: oneOf(['公安部', '国家移民管理局'], { maxDistance: 1 }),
    },
    {
      key: '英文签发机关',
      labels: ['签发机关'],
      at: 'below',
      parse: englishOneOf(['Ministry of Public Security', 'National Immigration Administration,PRC']),
    },
    {
      key: '公民身份号码',
      labels: ['证件号码'],
      subLabels: ['Card No.'],
      at: 'anywhere',
      pattern: CARD_NUMBER,
      parse: cardNumber(),
    },
    {
      key: '有效期限',
      labels: ['有效期限'],
      subLabels: ['Period of Validity'],
      at: 'right',
      parse: printedValidity({ years: [5, 10] }),
    },
  ],
  required: ['公民身份号码', '英文姓名', '中文姓名'],
  rules: [codeFromNumber, birthFromNumber],
  // The photo is left of the label column (mm on the ID-1 card); 姓名 and 证件号码 rows 35 mm apart.
  hooks: {
    portrait: portraitBeside({
      from: ['姓名'],
      to: ['证件号码'],
      rowsApart: 35,
      box: { left: -26, right: -3, top: -2.3, bottom: 26.7 },
      requires: '英文姓名',
    }),
  },
};
