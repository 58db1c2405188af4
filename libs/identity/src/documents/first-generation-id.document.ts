import {
  type DocumentSpec,
  legacyCitizenIdNumber,
  legacyCitizenIdOnPage,
  portraitBeside,
  printedValidity,
} from '@zhengjian/recognition';
import { ONE_FACE_COLUMN } from '../id-card/id-card.documents';
import { issuingAuthority } from './identity-values';
import { personalFields, personalRules } from './resident-card-fields';

/**
 * cardType 1, 一代身份证 (first-generation resident card, withdrawn 2013): one face with the personal rows, 签发机关,
 * 有效期限 (`YYYY.MM.DD-YYYY.MM.DD` or `…-长期`) and 公民身份号码 of 15 digits (before GB 11643-1999: area +
 * YYMMDD + order, no check character) or 18 (MOD 11-2 checked). Told from the resident ID card's sides, which
 * print its title and labels too, by the one face: 签发机关 and 有效期限 in the column of the personal rows
 * ({@link ONE_FACE_COLUMN}, which vetoes both sides), and by a 15-digit number, which no later card carries.
 */
export const FIRST_GENERATION_ID: DocumentSpec = {
  cardType: 1,
  signature: {
    titles: ['居民身份证'],
    labels: ['签发机关', '有效期限', '民族', '公民身份号码'],
    layout: [ONE_FACE_COLUMN],
    tokens: [legacyCitizenIdOnPage()],
    threshold: 6,
  },
  fields: [
    ...personalFields(),
    {
      key: '公民身份号码',
      labels: ['公民身份号码'],
      at: 'anywhere',
      pattern: /\d{15}/,
      parse: legacyCitizenIdNumber(),
    },
    { key: '签发机关', labels: ['签发机关'], at: 'right', parse: issuingAuthority() },
    { key: '有效期限', labels: ['有效期限'], at: 'right', parse: printedValidity({ years: [5, 10, 20] }) },
  ],
  required: ['公民身份号码', '姓名'],
  rules: personalRules,
  hooks: {
    portrait: portraitBeside({
      from: ['姓名'],
      to: ['公民身份号码'],
      rowsApart: 38,
      box: { left: 52, right: 75, top: -4, bottom: 24 },
      requires: '姓名',
    }),
  },
};
