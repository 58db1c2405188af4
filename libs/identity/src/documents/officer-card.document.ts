import { type DocumentSpec, type ValueParser, chineseName, oneOf, portraitBeside, text } from '@zhengjian/recognition';
import { asDigits, ethnicGroup } from './identity-values';

/** 编号 as printed, `南字第01234567号` (issuing branch, 字第, 8 digits, 号); look-alikes in the digits repaired. */
function officerNumber(): ValueParser {
  return (raw) => {
    const m = /([\u3400-\u9fff])字第([0-9ODIlBSZ]{6,8})号/u.exec(raw.replace(/\s/g, ''));
    if (!m) return undefined;
    const value = `${m[1]}字第${asDigits(m[2])}号`;
    return { value, factor: value === m[0] ? 1 : 0.9 };
  };
}

/** 出生年月 printed `1985年6月`, returned `YYYY-MM`. */
function yearMonth(): ValueParser {
  return (raw) => {
    const m = /(\d{4})\D{1,2}(\d{1,2})/.exec(raw);
    const month = m ? Number(m[2]) : 0;
    return m && month >= 1 && month <= 12 ? { value: `${m[1]}-${String(month).padStart(2, '0')}` } : undefined;
  };
}

/** Ranks of the 1998 officer card (现役军官军衔条例): 少尉 to 上将. */
const RANKS = ['少尉', '中尉', '上尉', '大尉', '少校', '中校', '上校', '大校', '少将', '中将', '上将'];

/**
 * cardType 7, 军官证 (1998 edition) information page: 姓名, 出生年月 (`YYYY-MM`), 性别, 民族, 籍贯, 部别, 职务,
 * 衔级 and 编号.
 */
export const OFFICER_CARD: DocumentSpec = {
  cardType: 7,
  signature: { titles: ['军官证'], labels: ['部别', '衔级', '职务', '籍贯'], threshold: 4 },
  fields: [
    { key: '编号', labels: ['编号'], at: 'anywhere', pattern: /字第/, parse: officerNumber() },
    { key: '姓名', labels: ['姓名'], at: 'right', parse: chineseName() },
    { key: '出生年月', labels: ['出生年月'], at: 'right', parse: yearMonth() },
    { key: '性别', labels: ['性别'], at: 'right', parse: oneOf(['男', '女'], { maxDistance: 0 }) },
    { key: '籍贯', labels: ['籍贯'], at: 'right', parse: text({ minLength: 2 }) },
    { key: '民族', labels: ['民族'], at: 'right', parse: ethnicGroup() },
    { key: '部别', labels: ['部别'], at: 'right', parse: text({ minLength: 2 }) },
    { key: '职务', labels: ['职务'], at: 'right', parse: text({ minLength: 2 }) },
    { key: '衔级', labels: ['衔级'], at: 'right', parse: oneOf(RANKS, { maxDistance: 0 }) },
  ],
  required: ['姓名', '编号'],
  hooks: {
    portrait: portraitBeside({
      from: ['姓名'],
      to: ['编号'],
      rowsApart: 38.4,
      box: { left: 60, right: 81, top: -2, bottom: 26 },
      requires: '姓名',
    }),
  },
};
