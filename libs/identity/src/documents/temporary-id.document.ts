import {
  type DocumentSpec,
  citizenIdNumber,
  notExpired,
  portraitBeside,
  printedValidity,
} from '@zhengjian/recognition';
import { issuingAuthority } from './identity-values';
import { personalFields, personalRules } from './resident-card-fields';

/**
 * cardType 4, 临时居民身份证: the personal rows, 公民身份号码 (GB 11643), 签发机关 and 有效期限 as printed
 * (`YYYY.MM.DD-YYYY.MM.DD`, a few months), split into 签发日期 and 有效期至.
 */
export const TEMPORARY_ID: DocumentSpec = {
  cardType: 4,
  signature: { titles: ['临时居民身份证'], labels: ['签发机关', '有效期限', '民族', '公民身份号码'], threshold: 4 },
  fields: [
    ...personalFields(),
    { key: '公民身份号码', labels: ['公民身份号码'], at: 'anywhere', pattern: /\d{17}/, parse: citizenIdNumber() },
    { key: '签发机关', labels: ['签发机关'], at: 'right', parse: issuingAuthority() },
    {
      key: '有效期限',
      labels: ['有效期限'],
      at: 'right',
      parse: printedValidity(),
      into: { from: '签发日期', to: '有效期至' },
    },
  ],
  required: ['公民身份号码', '姓名'],
  rules: [...personalRules, notExpired('有效期至')],
  hooks: {
    portrait: portraitBeside({
      from: ['姓名'],
      to: ['公民身份号码'],
      rowsApart: 37,
      box: { left: 52, right: 75, top: -3.5, bottom: 24.5 },
      requires: '姓名',
    }),
  },
};
