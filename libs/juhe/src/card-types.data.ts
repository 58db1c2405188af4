/**
 * The cardType catalogue as data. Read it through `card-types.ts`; this file only holds the rows.
 *
 * - `name`: the label of Juhe's cardType parameter (seed document, version 2025-03-29), character for character,
 *   typos included (3 really reads `二代身份证证背面`). Codes 19 and 1100 are ours (card-types.md Decision 4).
 * - `fields`: result keys in output order per shared/spec/card-types.md §2, WITHOUT the portrait; `portrait: true`
 *   makes the catalogue append `头像` as the last field (Decision 2), so it can never end up in the middle.
 * - Where a template index offers alternatives (12, 13, 15), the first one is used. Keys a template repeats at a
 *   later index (9: 中文姓名, 29: 有效期至) appear once: a flat JSON object cannot hold the same key twice.
 */
import type { CardTypeDomain, ImageFormatName } from './card-types.types';

/** One catalogue row as written here (see {@link CardTypeInfo} for the shape callers get). */
export interface CardTypeRow {
  readonly code: number;
  readonly name: string;
  readonly domain: CardTypeDomain;
  readonly fields: readonly string[];
  readonly portrait: boolean;
  readonly candidates?: readonly number[];
  /** Image formats this cardType accepts when the seed document restricts them (bank cards: JPEG only); default any. */
  readonly imageFormats?: readonly ImageFormatName[];
}

const ID_FRONT = ['保留', '姓名', '性别', '民族', '出生', '住址', '公民身份号码'] as const;
const ID_BACK = ['保留', '签发机关', '有效期限', '签发日期', '有效期至'] as const;
const MRZ_PAIR = ['MRZ1', 'MRZ2'] as const;

// One row per cardType reads better than the one-key-per-line layout Prettier would produce.
// prettier-ignore
export const CARD_TYPE_ROWS = [
  { code: 1, name: '一代身份证', domain: 'identity', portrait: true, fields: [...ID_FRONT, '签发机关', '有效期限'] },
  { code: 2, name: '二代身份证正面', domain: 'identity', portrait: true, fields: ID_FRONT },
  { code: 3, name: '二代身份证证背面', domain: 'identity', portrait: false, fields: ID_BACK },
  {
    code: 4, name: '临时身份证', domain: 'identity', portrait: true,
    fields: [...ID_FRONT, '签发机关', '有效期限', '签发日期', '有效期至'],
  },
  {
    code: 5, name: '驾照', domain: 'vehicle', portrait: true,
    fields: ['保留', '证号', '姓名', '性别', '住址', '出生日期', '初始领证日期', '准驾车型', '有效起始日期',
      '有效期限', '有效截止日期', '签发机关'],
  },
  {
    code: 6, name: '行驶证', domain: 'vehicle', portrait: false,
    fields: ['保留', '号牌号码', '车辆类型', '所有人', '住址', '品牌型号', '车辆识别代号', '发动机号码', '注册日期',
      '发证日期', '使用性质', '签发机关'],
  },
  {
    code: 7, name: '军官证1998版', domain: 'identity', portrait: true,
    fields: ['保留', '编号', '姓名', '出生年月', '性别', '籍贯', '民族', '部别', '职务', '衔级'],
  },
  {
    // `性別` with the traditional 別 and `持证人国际代码` (not 国籍) are the template's spelling, kept on purpose.
    code: 9, name: '中华人民共和国往来港澳通行证2005版', domain: 'travel-permit', portrait: true,
    fields: ['证件类型', '证件号码MRZ', '中文姓名', '英文姓名', '性別', '出生日期', '有效期至', '签发国代码',
      '英文姓', '英文名', ...MRZ_PAIR, '持证人国际代码', '证件号码', '出生地', '签发地点', '签发日期', '签发机关'],
  },
  {
    code: 10, name: '台湾居民往来大陆通行证1992版-照片页', domain: 'travel-permit', portrait: true,
    fields: ['证件类型', '证件号码(MRZ)', '中文姓名', '英文姓名', '性别', '出生日期', '有效期至', '签发国代码',
      '英文姓', '英文名', ...MRZ_PAIR, '持证人国籍代码', '证件号码', '身份证号码', '签发日期', '签发次数', '住址',
      '职业', '签发次数(VIZ)', '签发地代码', '签发机关', '签发地点'],
  },
  {
    // Traditional characters are the template's own key spelling for this document.
    code: 11, name: '大陆居民往来台湾通行证1992版-照片页', domain: 'travel-permit', portrait: true,
    fields: ['證件類型', '證件號碼MRZ', '中文姓名', '英文姓名', '性别', '出生日期', '有效期至', '簽發國代碼',
      '英文姓', '英文名', ...MRZ_PAIR, '持證人國籍代碼', '身份證號碼', '簽發地點', '簽發日期', '中文姓名OCR',
      '性别OCR', '出生日期OCR', '有效期至OCR'],
  },
  {
    // First alternative at each index: 证件类型 (not 签证类型/级别), MRZ导出号码, 证件号码 (not 团号),
    // `护照号码/通行证号码` (one key, slash included), 来往次数, 出访日期.
    code: 12, name: '签证(护照幅面)', domain: 'travel-permit', portrait: true,
    fields: ['证件类型', 'MRZ导出号码', '本国姓名', '英文姓名', '性别', '出生日期', '有效期至', '签发国代码',
      '英文姓', '英文名', ...MRZ_PAIR, '持证人国籍代码', '证件号码', '护照号码/通行证号码', '签发地点', '签发日期',
      '备注', '来往次数', '居留事由', '出访日期', '离境日期', '停留天数', '签证种类'],
  },
  {
    code: 13, name: '护照(护照幅面)', domain: 'travel-permit', portrait: true,
    fields: ['护照类型', '护照号码MRZ', '本国姓名', '英文姓名', '性别', '出生日期', '有效期至', '签发国代码',
      '英文姓', '英文名', ...MRZ_PAIR, '持证人国籍代码', '护照号码', '出生地点', '签发地点', '签发日期', 'RFID MRZ',
      'OCR MRZ', '出生地点拼音', '签发地点拼音', '身份证号码', '本国姓名拼音OCR', '性别OCR', '持证人国籍代码OCR',
      '身份证号码OCR', '出生日期OCR', '有效期至OCR', '签发机关OCR', '本国姓', '本国名', '身高', '英文姓(VIZ)',
      '英文名(VIZ)', '英文姓名(VIZ)', '校对英文姓', '校对英文名', '本国姓名(VIZ)', '国籍', '监护人姓名'],
  },
  {
    code: 14, name: '港澳居民来往内地通行证-照片页', domain: 'travel-permit', portrait: true,
    fields: ['保留', '证件号码', '中文姓名', '英文姓名', '性别', '出生日期', '有效期至', '英文姓', '英文名',
      '港澳证件号码', '签发日期', '有效期限', '签发机关', '换证次数', '其他姓名', '归属地'],
  },
  {
    // The 2012 card's spelling; the 1999 edition's traditional variants are not used. Full-width brackets in the
    // last key are the template's.
    code: 15, name: '港澳居民来往内地通行证-机读码页', domain: 'travel-permit', portrait: false,
    fields: ['证件类型', '证件号码', '中文姓名', '英文姓名', '性别', '出生日期', '有效期至', '英文姓', '英文名',
      ...MRZ_PAIR, 'MRZ3', '签发国代码', '身份证件号码', '换证次数', '身份证件号码（VIZ）'],
  },
  {
    code: 16, name: '户口本', domain: 'identity', portrait: false,
    fields: ['保留', '姓名', '出生地', '籍贯', '本市(县)其他住址', '性别', '民族', '出生日期', '公民身份证件编号'],
  },
  {
    // Juhe's document (seed 2025-03-29) takes bank cards as JPEG only.
    code: 17, name: '银行卡', domain: 'bank-card', portrait: false, imageFormats: ['jpeg'],
    fields: ['保留', '银行卡号', '银行名称', '卡类型', '有效期'],
  },
  {
    // Not in Juhe's list; the keys are those of the seed's plate example (Decision 4), no 保留.
    code: 19, name: '车牌', domain: 'vehicle', portrait: false,
    fields: ['车牌号', '车牌颜色', '车牌类型', '整牌可信度', '亮度评价', '车牌运动方向',
      '车牌位置(left_top_right_bottom)'],
  },
  {
    code: 22, name: '往来港澳通行证2014版-照片页(卡式港澳通行证)', domain: 'travel-permit', portrait: true,
    fields: ['保留', '证件号码', '中文姓名', '英文姓名', '出生日期', '性别', '有效期至', '签发地点', 'MRZ',
      '签发机关', '证件号码VIZ'],
  },
  {
    code: 25, name: '台湾居民来往大陆通行证2015版-照片页', domain: 'travel-permit', portrait: true,
    fields: ['保留', '中文姓名', '英文姓名', '出生日期', '性别', '有效期至', '签发地点', '证件号码', '签发次数',
      '签发机关'],
  },
  {
    code: 26, name: '台湾居民来往大陆通行证2015版-机读码页', domain: 'travel-permit', portrait: false,
    fields: ['证件类型', '证件号码', '中文姓名', '英文姓名', '性别', '出生日期', '有效期至', '英文姓', '英文名',
      ...MRZ_PAIR, 'MRZ3', '身份证件号码', '换证次数'],
  },
  {
    code: 28, name: '中国驾驶证副页', domain: 'vehicle', portrait: false,
    fields: ['保留', '证号', '姓名', '档案编号'],
  },
  {
    code: 29, name: '往来台湾通行证2017版-照片页', domain: 'travel-permit', portrait: true,
    fields: ['保留', '证件号码', '中文姓名', '英文姓名', '出生日期', '性别', '有效期至', '签发地点', ...MRZ_PAIR,
      'MRZ3', '签发机关', '签发日期'],
  },
  {
    // The 副页 carries a photo of the vehicle, not of a person: no 头像.
    code: 30, name: '行驶证副页', domain: 'vehicle', portrait: false,
    fields: ['保留', '号牌号码', '档案编号', '核定载人数', '总质量', '整备质量', '外廓尺寸', '行驶证识别代码',
      '核定载质量', '准牵引总质量', '检验记录', '强制报废期止'],
  },
  {
    code: 31, name: '港澳台居民居住证正面', domain: 'identity', portrait: true,
    fields: ['保留', '姓名', '性别', '出生', '住址', '公民身份号码'],
  },
  { code: 32, name: '港澳台居民居住证反面', domain: 'identity', portrait: false, fields: [...ID_BACK, '通行证号码'] },
  {
    code: 33, name: '外国人永久居留身份证', domain: 'identity', portrait: true,
    fields: ['保留', '英文姓名', '中文姓名', '性别', '出生', '国籍', '中文签发机关', '英文签发机关', '公民身份号码',
      '有效期限', '英文姓', '英文名', '持证人国籍代码'],
  },
  {
    code: 101, name: '二代身份证正面背面自动分类', domain: 'identity', portrait: false, fields: [], candidates: [2, 3],
  },
  { code: 102, name: '驾驶证正副页自动分类', domain: 'vehicle', portrait: false, fields: [], candidates: [5, 28] },
  { code: 103, name: '行驶证正副页自动分类', domain: 'vehicle', portrait: false, fields: [], candidates: [6, 30] },
  {
    // Spans identity and vehicle documents, so it belongs to neither family.
    code: 104, name: '身份证、驾驶证、行驶证自动分类', domain: 'other', portrait: false, fields: [],
    candidates: [2, 3, 5, 28, 6, 30],
  },
  {
    code: 1000, name: '居住证', domain: 'identity', portrait: true,
    fields: [...ID_FRONT, '签发日期', '有效期', '证号', '服务处所', '国家或地区', '户籍所在地'],
  },
  {
    code: 1001, name: '香港永久性居民身份证', domain: 'identity', portrait: true,
    fields: ['保留', '中文姓名', '拼音姓名', '性别', '出生日期', '簽發日期', '身份證號碼', '符號標記', '中文電碼',
      '電碼譯文', '首次簽發日期', '證件標題'],
  },
  {
    // Juhe's label adds a parenthesised remark about camera devices; that remark is a note, not the name.
    code: 1002, name: '登机牌', domain: 'other', portrait: false,
    fields: ['保留', '姓名', '航班', '目的站', '日期', '座位号'],
  },
  {
    code: 1003, name: '边民证(A)(照片页)', domain: 'travel-permit', portrait: true,
    fields: ['保留', '证件号码', '姓名', '性别', '出生日期', '身份证号码', ...MRZ_PAIR],
  },
  {
    // Not in Juhe's list; the key is the seed's VIN example's (Decision 4). Name: the GB 16735 term.
    code: 1100, name: '车辆识别代号', domain: 'vehicle', portrait: false,
    fields: ['vin'],
  },
  {
    // card-types.md §2 recommends 保留 in front of the Wintone server's list.
    code: 2008, name: '营业执照', domain: 'business-license', portrait: false,
    fields: ['保留', '统一社会信用代码', '组织机构代码', '税务登记证号', '社保登记号', '统计证证号', '名称', '类型',
      '住所', '法定代表人', '组成形式', '注册资本', '成立日期', '营业期限', '经营范围', '登记机关', '登记日期',
      '二维码', '副本'],
  },
  {
    code: 3038, name: '电子行驶证', domain: 'vehicle', portrait: false,
    fields: ['保留', '车辆类型', '号牌号码', '使用性质', '所有人', '品牌型号', '车辆识别代号', '发动机号码',
      '注册日期', '发证日期'],
  },
] as const satisfies readonly CardTypeRow[];
