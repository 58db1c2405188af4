import type { RecognitionOutcome } from '@zhengjian/recognition';
import {
  drivingMainPage,
  drivingSubPage,
  vehicleElectronicPage,
  vehicleMainPage,
  vehicleSubPage,
  vinPlatePage,
} from '../testing/vehicle-pages';
import { licenceClasses, vehicleRecognizer } from './index';
import { makeAndModel } from './vehicle-values';
import { hasStandaloneVin } from './vehicle-licence.documents';

const recognizer = vehicleRecognizer([5, 28, 6, 30, 3038, 1100, 102, 103], () => new Date('2026-11-30T00:00:00Z'));
const values = (outcome: RecognitionOutcome) =>
  outcome.status === 'recognized'
    ? Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]))
    : outcome;
const ADDRESS = '西藏自治区拉萨市城关区光明巷68号';
const AUTHORITY = '西藏自治区拉萨市公安局交通警察支队';

describe('vehicle document specs', () => {
  it('reads a 驾驶证 正页 with a printed validity span (cardType 5)', () => {
    const outcome = recognizer.recognize(drivingMainPage('period'), 5);
    expect(values(outcome)).toEqual({
      证号: '540102200203287188',
      姓名: '姜雨红',
      性别: '女',
      住址: ADDRESS,
      出生日期: '2002-03-28',
      初始领证日期: '2024-05-09',
      准驾车型: 'C3',
      有效期限: '6年',
      有效起始日期: '2024-05-09',
      有效截止日期: '2030-05-09',
      签发机关: AUTHORITY,
    });
    expect(outcome).toMatchObject({ cardType: 5, warnings: [] });
    expect(outcome.status === 'recognized' && outcome.portraitBox).toBeTruthy();
  });

  it('derives the end date of an older 驾驶证 from 有效起始日期 and 有效期限', () => {
    expect(values(recognizer.recognize(drivingMainPage('span'), 5))).toMatchObject({
      有效起始日期: '2024-05-09',
      有效期限: '6年',
      有效截止日期: '2030-05-09',
    });
  });

  it('reads a 驾驶证 副页 (cardType 28)', () => {
    expect(values(recognizer.recognize(drivingSubPage(), 28))).toEqual({
      证号: '540102200203287188',
      姓名: '姜雨红',
      档案编号: '540132612074',
    });
  });

  it('reads a 行驶证 主页 (cardType 6)', () => {
    expect(values(recognizer.recognize(vehicleMainPage(), 6))).toEqual({
      号牌号码: '藏A5J985',
      车辆类型: '小型轿车',
      所有人: '姜雨红',
      住址: ADDRESS,
      品牌型号: '大众汽车牌FV7145TATG',
      车辆识别代号: 'LFVJHV3X5KA135094',
      发动机号码: 'CUF865919',
      注册日期: '2019-10-23',
      发证日期: '2019-10-23',
      使用性质: '非营运',
      签发机关: AUTHORITY,
    });
  });

  it('returns a 行驶证 VIN whose check digit fails as printed, flagged checksum_failed', () => {
    const outcome = recognizer.recognize(vehicleMainPage('LFVJHV3X7KA135094'), 6);
    expect(values(outcome)).toMatchObject({ 车辆识别代号: 'LFVJHV3X7KA135094' });
    expect(outcome).toMatchObject({ warnings: ['checksum_failed'] });
  });

  it('reads a 行驶证 副页 with units as printed (cardType 30)', () => {
    expect(values(recognizer.recognize(vehicleSubPage(), 30))).toEqual({
      号牌号码: '藏A5J985',
      档案编号: '540147126642',
      核定载人数: '5人',
      总质量: '2115kg',
      整备质量: '1720kg',
      外廓尺寸: '4560×1865×1460mm',
      检验记录: '检验有效期至2026年10月',
      强制报废期止: '2034-10-23',
    });
  });

  it('reads a 电子行驶证 with the 主页 fields it shows (cardType 3038)', () => {
    expect(values(recognizer.recognize(vehicleElectronicPage(), 3038))).toEqual({
      号牌号码: '藏A5J985',
      车辆类型: '小型轿车',
      所有人: '姜雨红',
      品牌型号: '大众汽车牌FV7145TATG',
      车辆识别代号: 'LFVJHV3X5KA135094',
      发动机号码: 'CUF865919',
      注册日期: '2019-10-23',
      发证日期: '2019-10-23',
      使用性质: '非营运',
    });
  });

  it('leaves 核定载人数 empty when its row was not read, rather than taking 核定载质量 for it', () => {
    const page = vehicleSubPage();
    page.lines = page.lines
      .filter((l) => !l.text.startsWith('核定载人数'))
      .map((l) => (l.text.startsWith('核定载质量') ? { ...l, text: '核定载质量 Approved Load 1365kg' } : l));
    expect(values(recognizer.recognize(page, 30))).toMatchObject({ 核定载质量: '1365kg' });
    expect(values(recognizer.recognize(page, 30))).not.toHaveProperty('核定载人数');
  });

  it('reads a VIN nameplate (cardType 1100)', () => {
    expect(values(recognizer.recognize(vinPlatePage(), 1100))).toEqual({ vin: 'LC05WAB897M885417' });
  });

  it.each([
    ['LC05WAB897M885417', 'LC05WAB897M885417', []],
    // An imported car's VIN (position 9 no check digit): returned as printed, a Z in the last four read as 2.
    ['SAL0WF494B5853Z29', 'SAL0WF494B5853229', ['checksum_failed']],
  ])('reads the VIN %s on a truck nameplate whose 17-character model code comes first', (read, vin, warnings) => {
    const page = vinPlatePage();
    page.lines = page.lines.map((l) =>
      l.text.startsWith('整车型号')
        ? { ...l, text: '整车型号：CA5310CCYP66K24L7T4E5' }
        : l.text === 'LC05WAB897M885417'
          ? { ...l, text: read }
          : l,
    );
    const outcome = recognizer.recognize(page, 1100);
    expect(values(outcome)).toEqual({ vin });
    expect(outcome).toMatchObject({ warnings });
  });

  it.each([
    [102, 5, drivingMainPage()],
    [102, 28, drivingSubPage()],
    [103, 6, vehicleMainPage()],
    [103, 30, vehicleSubPage()],
  ] as const)('classifies under composite %s as cardType %s', (composite, detected, page) => {
    expect(recognizer.recognize(page, composite)).toMatchObject({ status: 'recognized', cardType: detected });
  });

  it.each([
    [5, drivingSubPage()],
    [28, drivingMainPage()],
    [6, drivingMainPage()],
    [30, vehicleMainPage()],
    [3038, vehicleMainPage()],
    [6, vehicleElectronicPage()],
    [1100, vehicleMainPage()],
    [6, vinPlatePage()],
    [102, vehicleMainPage()],
  ] as const)('answers 215308 when cardType %s is asked for another document', (cardType, page) => {
    expect(recognizer.recognize(page, cardType)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });
});

describe(makeAndModel.name, () => {
  it('reads an O after a digit of the model code as 0', () => {
    expect(makeAndModel()('Model特斯拉牌TSL7O0OBEV')).toEqual({ value: '特斯拉牌TSL7000BEV', factor: 0.9 });
    expect(makeAndModel()('梅赛德斯-奔驰牌BJ7204GEL')).toEqual({ value: '梅赛德斯-奔驰牌BJ7204GEL', factor: 1 });
  });
});

describe(licenceClasses.name, () => {
  it.each([
    ['C1', 'C1', 1],
    ['ClassA2D', 'A2D', 1],
    ['01E', 'C1E', 0.9],
    ['82', 'B2', 0.9],
    ['CI', 'C1', 0.9],
    ['CT', 'C1', 0.9],
  ])('reads %s as %s', (raw, value, factor) => {
    expect(licenceClasses()(raw.replace(/^Class/, ''))).toEqual({ value, factor });
  });

  it('reads nothing from a text without a class code', () => {
    expect(licenceClasses()('准驾')).toBeUndefined();
  });
});

describe(hasStandaloneVin.name, () => {
  it('finds a 17-character VIN standing alone, a printed VIN before it dropped', () => {
    expect(hasStandaloneVin('车辆识别代号 LSVAM4187C2054321')).toBe(true);
    expect(hasStandaloneVin('VINLSVAM4187C2054321')).toBe(true);
    expect(hasStandaloneVin('*LSVAM4187C2054321*')).toBe(true);
  });

  it('finds none inside a longer run or without a letter', () => {
    // An 18-character USCC, an ID number with X, an MRZ line, 17 digits.
    expect(hasStandaloneVin('统一社会信用代码 91350100M000100Y43')).toBe(false);
    expect(hasStandaloneVin('11010519491231002X')).toBe(false);
    expect(hasStandaloneVin('E123456786CHN8001019M3001016<<<<<<<<<<<<<<04')).toBe(false);
    expect(hasStandaloneVin('12345678901234567')).toBe(false);
  });
});
