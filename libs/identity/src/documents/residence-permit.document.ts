import {
  type DocumentSpec,
  citizenIdNumber,
  date,
  digits,
  placeNames,
  portraitBeside,
  text,
} from '@zhengjian/recognition';
import { personalFields, personalRules } from './resident-card-fields';

/**
 * cardType 1000, 居住证 (provincial residence permits: 广东, 广西 and city editions): the personal rows with the
 * residence address as 住址, 公民身份号码 (GB 11643), 户籍所在地, 服务处所, 国家或地区, 签发日期 and 有效期
 * (`YYYY-MM-DD`), and the permit's own 16-digit 证号.
 */
export const RESIDENCE_PERMIT: DocumentSpec = {
  cardType: 1000,
  signature: { titles: ['居住证'], labels: ['服务处所', '户籍所在地', '国家或地区', '证号'], threshold: 4 },
  fields: [
    ...personalFields(2),
    { key: '公民身份号码', labels: ['公民身份号码'], at: 'anywhere', pattern: /\d{17}/, parse: citizenIdNumber() },
    { key: '签发日期', labels: ['签发日期'], at: 'right', parse: date() },
    { key: '有效期', labels: ['有效期'], at: 'right', parse: date() },
    { key: '证号', labels: ['证号'], at: 'right', parse: digits(16) },
    { key: '服务处所', labels: ['服务处所'], at: 'right', parse: text({ minLength: 2 }) },
    { key: '国家或地区', labels: ['国家或地区'], at: 'right', parse: text({ minLength: 2 }) },
    { key: '户籍所在地', labels: ['户籍所在地'], at: 'right', parse: text({ minLength: 2 }) },
  ],
  required: ['公民身份号码', '姓名'],
  rules: [...personalRules, placeNames('户籍所在地', '公民身份号码')],
  hooks: {
    portrait: portraitBeside({
      from: ['姓名'],
      to: ['证号'],
      rowsApart: 38.7,
      box: { left: 58, right: 77, top: -3, bottom: 21 },
      requires: '姓名',
    }),
  },
};
