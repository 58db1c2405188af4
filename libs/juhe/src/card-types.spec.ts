import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  acceptsImageFormat,
  CARD_TYPES,
  CARD_TYPE_CODES,
  cardTypeList,
  findCardType,
  isAutoClassifying,
  isCatalogued,
  parseCardType,
  resultKeysFor,
} from './card-types';

// Typed from Juhe's cardType parameter by hand, independently of card-types.data.ts.
const SEED_TYPES: ReadonlyArray<[number, string]> = [
  [1, '一代身份证'],
  [2, '二代身份证正面'],
  [3, '二代身份证证背面'],
  [4, '临时身份证'],
  [5, '驾照'],
  [6, '行驶证'],
  [7, '军官证1998版'],
  [9, '中华人民共和国往来港澳通行证2005版'],
  [10, '台湾居民往来大陆通行证1992版-照片页'],
  [11, '大陆居民往来台湾通行证1992版-照片页'],
  [12, '签证(护照幅面)'],
  [13, '护照(护照幅面)'],
  [14, '港澳居民来往内地通行证-照片页'],
  [15, '港澳居民来往内地通行证-机读码页'],
  [16, '户口本'],
  [17, '银行卡'],
  [22, '往来港澳通行证2014版-照片页(卡式港澳通行证)'],
  [25, '台湾居民来往大陆通行证2015版-照片页'],
  [26, '台湾居民来往大陆通行证2015版-机读码页'],
  [28, '中国驾驶证副页'],
  [29, '往来台湾通行证2017版-照片页'],
  [30, '行驶证副页'],
  [31, '港澳台居民居住证正面'],
  [32, '港澳台居民居住证反面'],
  [33, '外国人永久居留身份证'],
  [101, '二代身份证正面背面自动分类'],
  [102, '驾驶证正副页自动分类'],
  [103, '行驶证正副页自动分类'],
  [104, '身份证、驾驶证、行驶证自动分类'],
  [1000, '居住证'],
  [1001, '香港永久性居民身份证'],
  [1002, '登机牌'],
  [1003, '边民证(A)(照片页)'],
  [2008, '营业执照'],
  [3038, '电子行驶证'],
];
const OUR_TYPES: ReadonlyArray<[number, string]> = [
  [19, '车牌'],
  [1100, '车辆识别代号'],
];

/** Juhe's documentation, the tables copied verbatim (committed beside this spec, source named in the file). */
const JUHE_DOC = resolve(__dirname, 'testing/juhe-certificates-api.excerpt.txt');

describe('card-type catalogue', () => {
  it.each(SEED_TYPES)('lists seed cardType %i as %s', (code, name) => {
    expect(findCardType(code)?.name).toBe(name);
    expect(isCatalogued(code)).toBe(true);
  });

  it.each(OUR_TYPES)('lists our cardType %i as %s', (code, name) => {
    expect(findCardType(code)?.name).toBe(name);
  });

  it('holds exactly the seed codes plus 19 and 1100, ascending', () => {
    const expected = [...SEED_TYPES, ...OUR_TYPES].map(([code]) => code).sort((a, b) => a - b);
    expect(CARD_TYPE_CODES).toEqual(expected);
    expect(CARD_TYPES.map((c) => c.code)).toEqual(expected);
    expect(cardTypeList()).toHaveLength(37);
    expect(cardTypeList()[1]).toEqual({ code: 2, name: '二代身份证正面' });
  });

  it("matches the cardType list of Juhe's documentation", () => {
    const line = readFileSync(JUHE_DOC, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('| cardType | int'));
    const pairs = [...(line ?? '').matchAll(/(?<!\d)(\d+):(\S+)/g)].map(([, code, name]) => [Number(code), name]);
    // The seed's 1002 label carries a remark in brackets; the catalogue keeps the name only.
    const seed = pairs.map(([code, name]) => [code, code === 1002 ? '登机牌' : name]);
    expect(seed).toEqual(SEED_TYPES);
  });

  it('does not know codes outside the list', () => {
    for (const code of [0, 8, 18, 20, 27, 34, 100, 105, 999, 1004, 2007, 3037, -1, 2.5, NaN]) {
      expect(findCardType(code)).toBeUndefined();
      expect(isCatalogued(code)).toBe(false);
    }
  });

  it('gives the ID-card front keys of the Juhe samples, portrait last', () => {
    expect(resultKeysFor(2)).toEqual(['保留', '姓名', '性别', '民族', '出生', '住址', '公民身份号码', '头像']);
    expect(findCardType(2)?.hasPortrait).toBe(true);
  });

  it('gives the ID-card back keys without a portrait', () => {
    expect(resultKeysFor(3)).toEqual(['保留', '签发机关', '有效期限', '签发日期', '有效期至']);
    expect(findCardType(3)?.hasPortrait).toBe(false);
  });

  it('gives the plate keys of decision 4 and the VIN key', () => {
    expect(resultKeysFor(19)).toEqual([
      '车牌号',
      '车牌颜色',
      '车牌类型',
      '整牌可信度',
      '亮度评价',
      '车牌运动方向',
      '车牌位置(left_top_right_bottom)',
    ]);
    expect(resultKeysFor(1100)).toEqual(['vin']);
  });

  it('keeps traditional characters where the templates use them', () => {
    expect(resultKeysFor(9)).toContain('性別');
    expect(resultKeysFor(11).slice(0, 2)).toEqual(['證件類型', '證件號碼MRZ']);
    expect(resultKeysFor(1001)).toContain('身份證號碼');
    expect(resultKeysFor(15)).toContain('身份证件号码（VIZ）');
  });

  it('picks the first alternative for cardType 12', () => {
    expect(resultKeysFor(12)[0]).toBe('证件类型');
    expect(resultKeysFor(12)).toContain('护照号码/通行证号码');
  });

  it('puts 头像 last exactly for the types with a portrait', () => {
    const withPortrait = [1, 2, 4, 5, 7, 9, 10, 11, 12, 13, 14, 22, 25, 29, 31, 33, 1000, 1001, 1003];
    for (const info of CARD_TYPES.filter((c) => !c.candidates)) {
      expect([info.code, info.hasPortrait]).toEqual([info.code, withPortrait.includes(info.code)]);
      expect(info.resultKeys.includes('头像')).toBe(info.hasPortrait);
      if (info.hasPortrait) expect(info.resultKeys.at(-1)).toBe('头像');
    }
  });

  it('never repeats a key within a type', () => {
    for (const info of CARD_TYPES) expect(new Set(info.resultKeys).size).toBe(info.resultKeys.length);
  });

  it('assigns the document families', () => {
    const domains = Object.fromEntries(CARD_TYPES.map((c) => [c.code, c.domain]));
    expect(domains).toMatchObject({ 2: 'identity', 101: 'identity', 5: 'vehicle', 19: 'vehicle', 1100: 'vehicle' });
    expect(domains).toMatchObject({ 17: 'bank-card', 2008: 'business-license', 13: 'travel-permit' });
    expect(domains).toMatchObject({ 104: 'other', 1002: 'other' });
  });

  it('defines the auto-classifying types by their candidates', () => {
    expect(findCardType(101)?.candidates).toEqual([2, 3]);
    expect(findCardType(102)?.candidates).toEqual([5, 28]);
    expect(findCardType(103)?.candidates).toEqual([6, 30]);
    expect(findCardType(104)?.candidates).toEqual([2, 3, 5, 28, 6, 30]);
    expect(findCardType(101)?.resultKeys).toEqual([]);
    expect([101, 102, 103, 104].map(isAutoClassifying)).toEqual([true, true, true, true]);
    expect(isAutoClassifying(2)).toBe(false);
  });

  it('gives 101 the detected type keys plus 证件类型', () => {
    expect(resultKeysFor(101, 3)).toEqual(['保留', '签发机关', '有效期限', '签发日期', '有效期至', '证件类型']);
    expect(resultKeysFor(104, 28)).toEqual(['保留', '证号', '姓名', '档案编号', '证件类型']);
  });

  it('throws RangeError for unknown types and undetected or foreign detections', () => {
    expect(() => resultKeysFor(8)).toThrow(RangeError);
    expect(() => resultKeysFor(101)).toThrow(RangeError);
    expect(() => resultKeysFor(101, 5)).toThrow(RangeError);
  });

  it('parses the cardType parameter strictly', () => {
    expect(parseCardType('2')).toBe(2);
    expect(parseCardType(' 3038 ')).toBe(3038);
    expect(parseCardType(1100)).toBe(1100);
    for (const raw of ['', '2.0', '0x2', '2a', '8', 2.5, null, undefined, ['2']]) {
      expect(parseCardType(raw)).toBeUndefined();
    }
  });

  it('takes bank cards (17) as JPEG only, as the seed document says, and every other cardType in any format', () => {
    expect(findCardType(17)?.imageFormats).toEqual(['jpeg']);
    expect(['jpeg', 'png', 'bmp', 'webp'].map((f) => acceptsImageFormat(17, f))).toEqual([true, false, false, false]);
    expect(['jpeg', 'png', 'bmp', 'webp'].map((f) => acceptsImageFormat(2, f))).toEqual([true, true, true, true]);
    expect(CARD_TYPES.filter((c) => c.imageFormats).map((c) => c.code)).toEqual([17]);
  });
});
