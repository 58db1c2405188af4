import {
  type FieldSpec,
  type Rule,
  chineseName,
  date,
  idDigits,
  oneOf,
  placeNames,
  sameDate,
  sexFromId,
  text,
} from '@zhengjian/recognition';
import { ethnicGroup } from './identity-values';

/**
 * The personal rows the resident cards (一代身份证, 临时身份证, 居住证) print as the ID card front does: 姓名, 性别
 * and 民族 on one row, 出生 (`YYYY年M月D日`), 住址 over up to `addressLines` lines. Data shared by their specs.
 */
export function personalFields(addressLines = 3): FieldSpec[] {
  return [
    { key: '姓名', labels: ['姓名'], at: 'right', parse: chineseName() },
    { key: '性别', labels: ['性别'], at: 'right', parse: oneOf(['男', '女'], { maxDistance: 0 }) },
    { key: '民族', labels: ['民族'], at: 'right', parse: ethnicGroup() },
    { key: '出生', labels: ['出生'], at: 'right', parse: date() },
    { key: '住址', labels: ['住址'], at: 'continued', maxLines: addressLines, parse: text({ minLength: 4 }) },
  ];
}

/** 出生 and 性别 checked against (or filled from) an 18-digit 公民身份号码; 住址 place names repaired. */
export const personalRules: readonly Rule[] = [
  placeNames('住址', '公民身份号码'),
  sameDate('出生', idDigits('公民身份号码', 7, 14)),
  sexFromId('性别', '公民身份号码'),
];
