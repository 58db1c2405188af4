import {
  type DocumentSpec,
  address,
  date,
  digits,
  issuingOffice,
  notBefore,
  oneOf,
  placeNames,
  plateNumber,
  quantity,
  text,
  token,
  vinNumber,
} from '@zhengjian/recognition';
import { VEHICLE_TYPES, VEHICLE_USES } from './vehicle-lists';
import { alphanumeric, makeAndModel } from './vehicle-values';

const OWNER_CHARACTERS = /[\u3400-\u9fff0-9()（）·]/u;

/** A 17-character run with at least one letter (an 18-digit ID number is not a VIN). */
export const VIN_RUN = /(?=[0-9A-HJ-NPR-Z]{17})\d{0,16}[A-HJ-NPR-Z]/i;
/** A line that may hold a VIN as read: {@link VIN_RUN} with the look-alikes I, O and Q a reading may show. */
const VIN_READING = /(?=[0-9A-Z]{17})\d{0,16}[A-Z]/i;

/**
 * cardType 6, 机动车行驶证 主页 (GA 37): 号牌号码 (GA 36), 车辆类型 and 使用性质 (closest entry of their lists),
 * 所有人, 住址, 品牌型号, 车辆识别代号 (ISO 3779 check digit arbitrating look-alikes, flagged when it fails),
 * 发动机号码, 注册日期, 发证日期 and 签发机关 from the seal beside the lower rows.
 */
export const VEHICLE_LICENCE_MAIN: DocumentSpec = {
  cardType: 6,
  signature: {
    titles: ['机动车行驶证'],
    labels: ['号牌号码', '车辆类型', '所有人', '使用性质', '品牌型号', '发动机号码', '注册日期'],
    threshold: 4,
  },
  fields: [
    { key: '号牌号码', labels: ['号牌号码'], subLabels: ['Plate No.'], at: 'right', parse: plateNumber() },
    { key: '车辆类型', labels: ['车辆类型'], subLabels: ['Vehicle Type'], at: 'right', parse: oneOf(VEHICLE_TYPES) },
    // A person or an organisation in Chinese; Latin letters there are the English sub-label's remains (`ow`).
    { key: '所有人', labels: ['所有人'], subLabels: ['Owner'], at: 'right', parse: text({ keep: OWNER_CHARACTERS }) },
    { key: '住址', labels: ['住址'], subLabels: ['Address'], at: 'continued', maxLines: 2, parse: address() },
    { key: '品牌型号', labels: ['品牌型号'], subLabels: ['Model'], at: 'right', parse: makeAndModel() },
    {
      key: '车辆识别代号',
      labels: ['车辆识别代号'],
      subLabels: ['VIN'],
      at: 'anywhere',
      pattern: VIN_READING,
      parse: vinNumber(),
    },
    { key: '发动机号码', labels: ['发动机号码'], subLabels: ['Engine No.'], at: 'right', parse: alphanumeric() },
    { key: '注册日期', labels: ['注册日期'], subLabels: ['Register Date'], at: 'right', parse: date() },
    { key: '发证日期', labels: ['发证日期'], subLabels: ['Issue Date'], at: 'right', parse: date() },
    { key: '使用性质', labels: ['使用性质'], subLabels: ['Use Character'], at: 'right', parse: oneOf(VEHICLE_USES) },
    { key: '签发机关', labels: ['车辆识别代号', '发动机号码', '注册日期'], at: 'leftOf', parse: issuingOffice() },
  ],
  required: ['号牌号码', '车辆识别代号'],
  rules: [placeNames('住址'), notBefore('发证日期', '注册日期')],
};

/**
 * cardType 30, 机动车行驶证 副页: 号牌号码, 档案编号, 核定载人数 (`5人`), masses (`1500kg`), 外廓尺寸
 * (`4750×1800×1450mm`), 检验记录 (`检验有效期至YYYY年MM月`) and 强制报废期止 (from 备注), units as printed.
 */
export const VEHICLE_LICENCE_SUB: DocumentSpec = {
  cardType: 30,
  signature: { titles: [], labels: ['核定载人数', '总质量', '整备质量', '外廓尺寸', '检验记录', '核定载质量'] },
  fields: [
    { key: '号牌号码', labels: ['号牌号码'], subLabels: ['Plate No.'], at: 'right', parse: plateNumber() },
    { key: '档案编号', labels: ['档案编号'], subLabels: ['File No.'], at: 'right', parse: digits(12) },
    { key: '核定载人数', labels: ['核定载人数'], at: 'right', parse: quantity('人') },
    { key: '总质量', labels: ['总质量'], at: 'right', parse: quantity('kg') },
    { key: '整备质量', labels: ['整备质量'], at: 'right', parse: quantity('kg') },
    { key: '外廓尺寸', labels: ['外廓尺寸'], at: 'right', parse: quantity('mm', 3) },
    { key: '核定载质量', labels: ['核定载质量'], at: 'right', parse: quantity('kg') },
    { key: '准牵引总质量', labels: ['准牵引总质量'], at: 'right', parse: quantity('kg') },
    {
      key: '检验记录',
      at: 'anywhere',
      pattern: /检验有效期至/,
      parse: token(/检验有效期至\d{4}年\d{1,2}月(?:\d{1,2}日)?/),
    },
    {
      key: '强制报废期止',
      at: 'anywhere',
      pattern: /强制报废期止/,
      parse: (t) => date()(t.split('强制报废期止')[1] ?? ''),
    },
  ],
  otherLabels: ['备注', '检验记录'],
  required: ['号牌号码', '档案编号', '核定载人数'],
};

/**
 * A VIN standing alone on the page: a run of letters and digits of exactly 17 characters (a `VIN` printed against it
 * dropped), all of the ISO 3779 alphabet, at least one a letter. Not a 17-character stretch inside a longer run: an
 * 18-character USCC or 公民身份号码, a passport's MRZ line.
 */
export function hasStandaloneVin(pageText: string): boolean {
  return [...pageText.toUpperCase().matchAll(/[0-9A-Z]+/g)].some(([run]) => {
    const vin = run.length === 20 && run.startsWith('VIN') ? run.slice(3) : run;
    return /^(?=\d*[A-HJ-NPR-Z])[0-9A-HJ-NPR-Z]{17}$/.test(vin);
  });
}

/** cardType 1100, a picture of a VIN (nameplate, windscreen label, stamped frame): `vin`, check digit arbitrating. */
export const VIN_PICTURE: DocumentSpec = {
  cardType: 1100,
  signature: { titles: [], labels: ['车辆识别代号'], tokens: [hasStandaloneVin], threshold: 1 },
  fields: [
    {
      key: 'vin',
      labels: ['车辆识别代号'],
      subLabels: ['VIN'],
      at: 'anywhere',
      pattern: VIN_READING,
      parse: vinNumber(),
    },
  ],
  required: ['vin'],
};

const ELECTRONIC_KEYS = [
  '车辆类型',
  '号牌号码',
  '使用性质',
  '所有人',
  '品牌型号',
  '车辆识别代号',
  '发动机号码',
  '注册日期',
  '发证日期',
];

/**
 * cardType 3038, 电子行驶证 (the screen of the traffic-management app): the 主页's fields and checks, labels and
 * values on one row each; `发证机关` and `更新时间` tell it from the paper 主页, whose labels it shares.
 */
export const VEHICLE_LICENCE_ELECTRONIC: DocumentSpec = {
  cardType: 3038,
  signature: {
    titles: ['电子行驶证'],
    labels: [...VEHICLE_LICENCE_MAIN.signature.labels, '发证机关', '更新时间'],
    threshold: 4,
  },
  fields: VEHICLE_LICENCE_MAIN.fields.filter((f) => ELECTRONIC_KEYS.includes(f.key) && f.at !== 'leftOf'),
  otherLabels: ['发证机关', '更新时间'],
  required: ['号牌号码', '车辆识别代号'],
  rules: [notBefore('发证日期', '注册日期')],
};
