import {
  type DocumentSpec,
  chineseName,
  citizenIdNumber,
  date,
  idDigits,
  oneOf,
  placeNames,
  sameDate,
  sexFromId,
  text,
} from '@zhengjian/recognition';
import { ethnicGroup } from './identity-values';

/** Printed labels of the 常住人口登记卡 that no key returns: they end the values before them. */
const OTHER_LABELS = ['户主或与户主关系', '曾用名', '宗教信仰', '文化程度', '婚姻状况', '兵役状况', '服务处所', '职业'];

/** How far right of its label a value may sit, in character widths: the form's value cells start well apart. */
const VALUE_CELL = 16;

/**
 * cardType 16, 户口本 常住人口登记卡 (the holder's page of the household register): a form of label cells and
 * values; 姓名, 出生地, 籍贯, 本市(县)其他住址, 性别, 民族, 出生日期 (`YYYY-MM-DD`) and 公民身份证件编号 (GB 11643,
 * whose birth date and sex digits check 出生日期 and 性别, or stand in for them when their cells were not read).
 */
export const HOUSEHOLD_REGISTER: DocumentSpec = {
  cardType: 16,
  signature: {
    titles: ['常住人口登记卡'],
    labels: ['户主或与户主关系', '曾用名', '公民身份证件编号', '宗教信仰'],
    threshold: 4,
  },
  fields: [
    { key: '姓名', labels: ['姓名'], at: 'right', parse: chineseName() },
    { key: '出生地', labels: ['出生地'], at: 'right', parse: text({ minLength: 2 }) },
    { key: '籍贯', labels: ['籍贯'], at: 'right', parse: text({ minLength: 2 }) },
    {
      key: '本市(县)其他住址',
      labels: ['本市(县)其他住址', '本市（县）其他住址', '其他住址'],
      at: 'continued',
      maxLines: 2,
      parse: text({ minLength: 4 }),
    },
    { key: '性别', labels: ['性别'], at: 'right', parse: oneOf(['男', '女'], { maxDistance: 0 }), reread: VALUE_CELL },
    { key: '民族', labels: ['民族'], at: 'right', parse: ethnicGroup(), reread: VALUE_CELL },
    { key: '出生日期', labels: ['出生日期'], at: 'right', parse: date() },
    {
      key: '公民身份证件编号',
      labels: ['公民身份证件编号'],
      at: 'anywhere',
      pattern: /\d{17}/,
      parse: citizenIdNumber(),
    },
  ],
  otherLabels: OTHER_LABELS,
  required: ['公民身份证件编号', '姓名'],
  rules: [
    placeNames('本市(县)其他住址', '公民身份证件编号'),
    sameDate('出生日期', idDigits('公民身份证件编号', 7, 14)),
    sexFromId('性别', '公民身份证件编号'),
  ],
};
