import { type DocumentSpec, type ValueParser, date, joined, text, token } from '@zhengjian/recognition';
import type { MrzDocument } from './mrz-fields';
import { mrzLineToken } from './mrz-fields';
import { portraitAt } from './portrait-geometry';
import { nameLineFromPrint } from './zone-rebuild';
import { sexName, zoneLine, zoneName } from './zone-values';

/** `SURNAME, GIVEN NAMES` as visas print the full name: the name as `SURNAME GIVEN`, parts `surname` and `given`. */
function commaName(): ValueParser {
  return (raw) => {
    const m = /^([A-Za-z<'-]+)[,，.]([A-Za-z<' -]+)$/.exec(raw.replace(/\s+/g, ''));
    if (!m) return undefined;
    const [surname, given] = [m[1].toUpperCase(), m[2].toUpperCase()];
    return { value: `${surname} ${given}`, parts: { surname, given } };
  };
}

/** 入境次数 as printed: `01`, `02`…, or `M` for multiple entries (`MULT`). */
function entries(): ValueParser {
  return (raw) => {
    if (/^M/i.test(raw)) return { value: 'M' };
    const m = /^(\d{1,2})$/.exec(raw);
    return m ? { value: m[1].padStart(2, '0') } : undefined;
  };
}

/** 每次停留 `030天/DAYS` → the days, without leading zeros (`30`). */
function stayDays(): ValueParser {
  return (raw) => {
    const m = /^(\d{1,3})/.exec(raw);
    return m && Number(m[1]) > 0 ? { value: String(Number(m[1])) } : undefined;
  };
}

/**
 * cardType 12, 签证: a visa foil with an MRV-A (2 × 44) or MRV-B (2 × 36) zone (ICAO 9303-7, document code `V`). The
 * Chinese visa's bilingual print gives 签证种类, 入境次数 (来往次数), 入境有效期 (有效期至), 每次停留 (停留天数), 签发日期,
 * 签发地 (签发地点), the full name, birth date, passport number and the red foil number (证件号码); the zone gives the
 * names, sex, dates and state codes, and is cross-checked with the print.
 */
const VISA_SPEC: DocumentSpec = {
  cardType: 12,
  signature: {
    titles: ['中华人民共和国签证', 'CHINESEVISA'],
    labels: ['签证种类', '入境次数', '入境有效期', '每次停留'],
    tokens: [mrzLineToken(/^V/)],
  },
  fields: [
    { key: '证件号码', at: 'anywhere', pattern: /^V\d{8}$/, parse: token(/^(V\d{8})$/) },
    { key: '签证种类', labels: ['签证种类'], at: 'below', parse: token(/^([A-Z]\d?)$/) },
    { key: '来往次数', labels: ['入境次数'], at: 'below', parse: entries() },
    { key: '签发地点', labels: ['签发地'], at: 'below', parse: text({ keep: /[\u3400-\u9fff]/u }) },
    { key: '有效期至', labels: ['入境有效期'], at: 'below', parse: date() },
    { key: '停留天数', labels: ['每次停留'], at: 'below', parse: stayDays() },
    { key: '签发日期', labels: ['签发日期'], at: 'below', parse: date() },
    {
      key: '英文姓名',
      labels: ['姓名/Fullname', '姓名'],
      at: 'below',
      parse: commaName(),
      into: { surname: '英文姓', given: '英文名' },
    },
    { key: '出生日期', labels: ['出生日期'], at: 'below', parse: date() },
    { key: '护照号码/通行证号码', labels: ['护照号码'], at: 'below', parse: token(/^([A-Z0-9]{6,9})$/) },
  ],
  otherLabels: ['备注'],
  required: ['证件号码', '护照号码/通行证号码', '英文姓名'],
  rules: [joined('MRZ导出号码', ['护照号码/通行证号码'])],
  // The portrait left of the fields: 28 × 36 mm, 33 mm left of the `签证种类` label, from its baseline.
  hooks: {
    portrait: portraitAt({
      upper: ['签证种类'],
      lower: ['出生日期'],
      apart: 30,
      left: -33,
      top: -1,
      width: 28,
      height: 36,
      when: '证件号码',
    }),
  },
};

export const VISA: MrzDocument = {
  spec: VISA_SPEC,
  formats: ['MRV-A', 'MRV-B'],
  zone: [
    { key: '证件类型', from: 'documentCode' },
    { key: 'MRZ导出号码', from: 'documentNumber', check: 'documentNumber' },
    { key: '性别', from: sexName },
    { key: '签发国代码', from: 'issuingState' },
    { key: 'MRZ1', from: zoneLine(0) },
    { key: 'MRZ2', from: zoneLine(1) },
    { key: '持证人国籍代码', from: 'nationality' },
  ],
  viz: [
    { key: '护照号码/通行证号码', from: 'documentNumber', check: 'documentNumber' },
    { key: '出生日期', from: 'birthDate', check: 'birthDate' },
    { key: '有效期至', from: 'expiryDate', check: 'expiryDate' },
    { key: '英文姓', from: 'surname', prefix: true },
    { key: '英文名', from: 'givenNames', prefix: true },
    { key: '英文姓名', from: zoneName, prefix: true },
  ],
  // The foil read here is the Chinese visa (its title and labels): issued by CHN.
  rebuild: nameLineFromPrint({ surname: '英文姓', given: '英文名', issuer: 'CHN' }),
};
