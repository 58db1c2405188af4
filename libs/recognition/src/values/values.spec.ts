import { citizenId, vin } from '@zhengjian/identifiers';
import { closestMatch, oneOf } from './closest-match';
import { addYears, date, dateRange, datesIn, dayFirstDate, dayMonthYear, printedValidity, validity } from './dates';
import {
  citizenIdNumber,
  citizenIdOnPage,
  digits,
  hkidNumber,
  legacyCitizenIdNumber,
  legacyCitizenIdOnPage,
  plateNumber,
  vinNumber,
} from './identifier-values';
import { address, issuingOffice } from './text-values';
import { chineseName, hanWithLatin, quantity, text } from './value-parser';

describe('value parsers', () => {
  describe(date.name, () => {
    it.each([
      ['1990年3月7日', '1990-03-07'],
      ['DateofBirth1990.03.07', '1990-03-07'],
      ['19900307', '1990-03-07'],
    ])('reads %s as %s', (raw, iso) => {
      expect(date()(raw)).toEqual({ value: iso });
    });

    it('returns the date in the format asked', () => {
      expect(date('YYYY年MM月DD日')('2020-02-29')).toEqual({ value: '2020年02月29日' });
    });

    it('reads nothing from an impossible date', () => {
      expect(date()('2021-02-29')).toBeUndefined();
    });
  });

  describe(dayMonthYear.name, () => {
    it.each([
      ['12 AUG 1974', '1974-08-12'],
      ['276月/JUN1976', '1976-06-27'],
      ['0812月/DEC2022', '2022-12-08'],
      ['07 5月/MAV 2032', '2032-05-07'],
      ['015月/1999', '1999-05-01'],
      ['2210月/0CT2020', '2020-10-22'],
    ])('reads %s as %s', (raw, iso) => {
      expect(dayMonthYear()(raw)).toEqual({ value: iso });
    });

    it('reads nothing from an impossible date or an unknown month', () => {
      expect(dayMonthYear()('30 FEB 2020')).toBeUndefined();
      expect(dayMonthYear()('12 XYZ 2020')).toBeUndefined();
    });
  });

  describe(hanWithLatin.name, () => {
    it('splits Han characters from their romanisation', () => {
      expect(hanWithLatin()('高GAO')).toEqual({ value: '高', parts: { latin: 'GAO' } });
      expect(hanWithLatin()('重庆/CHONGQING')).toEqual({ value: '重庆', parts: { latin: 'CHONGQING' } });
      expect(hanWithLatin()('Chih-Ming')).toEqual({ value: '', parts: { latin: 'CHIH-MING' } });
    });

    it('reads nothing from noise', () => {
      expect(hanWithLatin()('/1')).toBeUndefined();
    });
  });

  it('adds years, 29 February becoming 28 February in a common year', () => {
    expect(addYears('2016-03-01', 6)).toBe('2022-03-01');
    expect(addYears('2020-02-29', 6)).toBe('2026-02-28');
  });

  it('finds every real date of a span, with or without separators', () => {
    expect(datesIn('2016-03-01至20220301')).toEqual(['2016-03-01', '2022-03-01']);
  });

  describe(validity.name, () => {
    const parse = validity({ years: [6, 10] });

    it('reads a printed length', () => {
      expect(parse('6年')).toEqual({ value: '6年' });
      expect(parse('ValidFor10年')).toEqual({ value: '10年' });
      expect(parse('长期')).toEqual({ value: '长期' });
    });

    it('reads a span into its length and its dates', () => {
      expect(parse('2016-03-01至2022-03-01')).toEqual({
        value: '6年',
        parts: { from: '2016-03-01', to: '2022-03-01' },
        warnings: [],
      });
    });

    it('reads an open-ended span', () => {
      expect(parse('2016-03-01至长期')).toEqual({ value: '长期', parts: { from: '2016-03-01', to: '长期' } });
    });

    it('keeps the dates of a span of a length the document is not issued for, and flags it', () => {
      expect(parse('2016-03-01至2023-03-01')).toEqual({
        value: '',
        parts: { from: '2016-03-01', to: '2023-03-01' },
        warnings: ['date_inconsistent'],
      });
    });

    it('does not take a length the document is not issued for', () => {
      expect(parse('7年')).toBeUndefined();
    });
  });

  describe(dateRange.name, () => {
    const parse = dateRange({ format: 'YYYY.MM.DD', years: [5, 10, 20] });

    it.each([
      ['2015.03.07-2025.03.07', '2015.03.07-2025.03.07', '2025-03-07'],
      ['20150307—20250307', '2015.03.07-2025.03.07', '2025-03-07'],
      ['2015.03.07-长期', '2015.03.07-长期', '长期'],
      ['2015.03.07一长', '2015.03.07-长期', '长期'],
    ])('reads %s as printed, its parts as ISO dates', (raw, value, to) => {
      expect(parse(raw)).toMatchObject({ value, parts: { from: '2015-03-07', to } });
    });

    it('flags a span of a length the document is not issued for', () => {
      expect(parse('2015.03.07-2032.03.07')?.warnings).toEqual(['date_inconsistent']);
      expect(parse('2015.03.07-2035.03.07')?.warnings).toEqual([]);
    });

    it('reads nothing from an impossible start or a lone date without 长期', () => {
      expect(parse('2015.02.29-2025.02.28')).toBeUndefined();
      expect(parse('2015.03.07')).toBeUndefined();
    });

    it('writes ISO dates joined by the separator asked by default', () => {
      expect(dateRange({ separator: '至' })('2016-03-01至20220301')?.value).toBe('2016-03-01至2022-03-01');
    });
  });

  describe(closestMatch.name, () => {
    const uses = ['非营运', '营运', '营转非', '出租客运', '预约出租客运'];

    it('prefers the longest entry printed inside the reading', () => {
      expect(closestMatch('预约出租客运', uses)).toEqual({ value: '预约出租客运', distance: 0 });
    });

    it('takes the unique entry within the distance', () => {
      expect(closestMatch('出祖客运', uses)).toEqual({ value: '出租客运', distance: 1 });
    });

    it('takes nothing when two entries are as close', () => {
      expect(closestMatch('AB', ['AC', 'AD'], 1)).toBeUndefined();
    });

    it('allows each entry the distance a function of the entry gives', () => {
      const groups = ['汉', '蒙古', '回', '维吾尔', '仫佬', '仡佬'];
      const half = (entry: string) => Math.floor(entry.length / 2);
      expect(closestMatch('蒙', groups, half)).toEqual({ value: '蒙古', distance: 1 });
      expect(closestMatch('维吾', groups, half)).toEqual({ value: '维吾尔', distance: 1 });
      expect(closestMatch('蒙', groups)).toBeUndefined();
      // A lone character matches no one-character entry but itself, and 佬 is as close to 仫佬 as to 仡佬.
      expect(closestMatch('汊', groups, half)).toBeUndefined();
      expect(closestMatch('佬', groups, half)).toBeUndefined();
    });

    it('lowers the confidence of a corrected entry in oneOf', () => {
      expect(oneOf(uses)('UseCharacter出祖客运')).toEqual({ value: '出租客运', factor: 0.9 });
    });
  });

  it('keeps the characters of free text and of a name', () => {
    expect(text()('Owner:北京某某科技有限公司')).toEqual({ value: 'Owner北京某某科技有限公司' });
    expect(chineseName()('Name买买提•艾力')).toEqual({ value: '买买提·艾力' });
    expect(chineseName()('周')).toBeUndefined();
    expect(chineseName({ minLength: 1 })('周')).toEqual({ value: '周' });
  });

  it('keeps the characters of an address, Latin letters only when asked', () => {
    expect(address()('Address北京市朝阳区建国路88号(A座)')).toEqual({ value: '北京市朝阳区建国路88号(座)' });
    expect(address({ latin: true })('北京市朝阳区B1栋#3-2')).toEqual({ value: '北京市朝阳区B1栋#3-2' });
    expect(address()('88号')).toBeUndefined();
  });

  it('reads an issuing office, repairing a one-character slip in its place name', () => {
    expect(issuingOffice()('北京市公安局朝阳分局')).toEqual({ value: '北京市公安局朝阳分局', factor: 1 });
    expect(issuingOffice()('鄂尔多期市公安局')).toEqual({ value: '鄂尔多斯市公安局', factor: 0.95 });
    expect(issuingOffice()('公安局')).toBeUndefined();
  });

  it('reads quantities with their unit as printed', () => {
    expect(quantity('人')('ApprovedPassengers5人')).toEqual({ value: '5人' });
    expect(quantity('mm', 3)('4560x1865*1460mm')).toEqual({ value: '4560×1865×1460mm' });
  });

  describe(citizenIdNumber.name, () => {
    const valid = '11010519491231002X';

    it('returns a valid number as read', () => {
      expect(citizenId.isValid(valid)).toBe(true);
      expect(citizenIdNumber()(`证号${valid}`)).toEqual({ value: valid });
    });

    it('corrects a look-alike the check character can arbitrate', () => {
      expect(citizenIdNumber()('11O10519491231002X')).toEqual({
        value: valid,
        factor: 0.9,
        warnings: ['checksum_corrected'],
      });
    });

    it('returns a number that fails its check as read, flagged', () => {
      expect(citizenIdNumber()('110105194912310021')).toEqual({
        value: '110105194912310021',
        factor: 0.7,
        warnings: ['checksum_failed'],
      });
    });
  });

  it('flags a number whose check character is right but whose birth date does not exist as date_invalid', () => {
    // 1900 is not a leap year: 19000229 is no date, yet 110105190002290017 passes MOD 11-2.
    expect(citizenIdNumber()('110105190002290017')).toEqual({
      value: '110105190002290017',
      factor: 0.7,
      warnings: ['date_invalid'],
    });
  });

  describe(citizenIdOnPage.name, () => {
    it('finds a number standing alone, checked or with a real birth date only', () => {
      expect(citizenIdOnPage(true)('公民身份号码\n11010519491231002X')).toBe(true);
      expect(citizenIdOnPage(true)('110105194912310021')).toBe(false);
      expect(citizenIdOnPage(false)('110105194912310021')).toBe(true);
      expect(citizenIdOnPage(false)('110105194913310021')).toBe(false);
    });

    it('does not take a run inside a longer number for one', () => {
      expect(citizenIdOnPage(false)('单号：20261129153012004567')).toBe(false);
      expect(citizenIdOnPage(true)('911101051949123100')).toBe(false);
    });
  });

  describe(legacyCitizenIdOnPage.name, () => {
    it('finds a 15-digit number standing alone with a province code and a real birth date', () => {
      expect(legacyCitizenIdOnPage()('公民身份号码\n450103681213631')).toBe(true);
      expect(legacyCitizenIdOnPage()('450103681313631')).toBe(false);
      expect(legacyCitizenIdOnPage()('990103681213631')).toBe(false);
    });

    it('does not take the digits of an 18-digit number or a licence 注册号 for one', () => {
      expect(legacyCitizenIdOnPage()('45010319681213631X')).toBe(false);
      expect(legacyCitizenIdOnPage()('注册号110108012345678')).toBe(false);
    });
  });

  describe(vinNumber.name, () => {
    const good = 'LFVJHV3X5KA135094';

    it('finds the VIN in a line that runs on from its sub-label', () => {
      expect(vin.isValid(good)).toBe(true);
      expect(vinNumber()(`vIN${good}`)).toEqual({ value: good });
      // `VIN` read `VN`: the window VNLSGUTR2M99A4342 passes the check digit too, by chance; the value comes last.
      expect(vinNumber()('VNLSGUTR2M99A434202')).toEqual({ value: 'LSGUTR2M99A434202' });
    });

    it('corrects a look-alike the check digit arbitrates', () => {
      expect(vinNumber()('LFVJHV3X5KA13S094')).toEqual({ value: good, factor: 0.9, warnings: ['checksum_corrected'] });
    });

    it('returns a VIN whose check digit fails as printed (I, O, Q replaced), flagged, never guessed', () => {
      expect(vinNumber()('LFVJHV3X7KA13509O')).toEqual({
        value: 'LFVJHV3X7KA135090',
        factor: 0.7,
        warnings: ['checksum_failed'],
      });
      // An imported car's VIN (no check digit) with a Z read in the last four, which are digits.
      expect(vinNumber()('SAL0WF494B5853Z29')).toEqual({
        value: 'SAL0WF494B5853229',
        factor: 0.7,
        warnings: ['checksum_failed'],
      });
    });

    it('ranks a run the VIN format cannot hold (a truck model code) below any VIN reading', () => {
      const modelCode = vinNumber()('整车型号：CA5310CCYP66K24L7T4E5');
      expect(modelCode).toEqual({ value: '10CCYP66K24L7T4E5', factor: 0.5, warnings: ['checksum_failed'] });
      expect(modelCode!.factor!).toBeLessThan(vinNumber()('SAL0WF494B5853229')!.factor!);
    });
  });

  it('reads plates of every GA 36 shape and drops the separator dot', () => {
    expect(plateNumber()('PlateNo.京A·12345')).toEqual({ value: '京A12345' });
    expect(plateNumber()('粤BD12345')).toEqual({ value: '粤BD12345' });
    expect(plateNumber()('京AO1234')).toEqual({ value: '京A01234', factor: 0.9 });
    expect(plateNumber()('京12345')).toBeUndefined();
    // 川's right stroke read as a glyph of its own, before the issuing office's letter.
    expect(plateNumber()('川IA69054')).toEqual({ value: '川A69054', factor: 0.9 });
    expect(plateNumber()('PlateNo.川|AVY303')).toEqual({ value: '川AVY303', factor: 0.9 });
  });

  it('reads a run of exactly the digits asked', () => {
    expect(digits(12)('FileNo.540132612074')).toEqual({ value: '540132612074', factor: 1 });
    expect(digits(12)('54O132612074')).toEqual({ value: '540132612074', factor: 0.9 });
    expect(digits(12)('5401326120745')).toBeUndefined();
    expect(digits(12)('leNo620145437673')).toEqual({ value: '620145437673', factor: 1 });
  });

  describe(printedValidity.name, () => {
    it('returns a span as printed with its dates as parts', () => {
      expect(printedValidity({ years: [5] })('2021.07.09一2026.07.09')).toEqual({
        value: '2021.07.09-2026.07.09',
        parts: { from: '2021-07-09', to: '2026-07-09' },
        warnings: [],
      });
    });

    it('flags a span of an unexpected length', () => {
      expect(printedValidity({ years: [5] })('2021.07.09-2031.07.09')?.warnings).toEqual(['date_inconsistent']);
    });

    it('reads an open-ended validity', () => {
      expect(printedValidity()('2010.01.02-长期')).toEqual({
        value: '2010.01.02-长期',
        parts: { from: '2010-01-02', to: '长期' },
      });
    });
  });

  describe(hkidNumber.name, () => {
    it.each([
      ['A123456(3)', 'A123456(3)'],
      ['A1234563', 'A123456(3)'],
      ['AB987654(3)', 'AB987654(3)'],
      ['Z683365（A）', 'Z683365(A)'],
    ])('reads %s as %s', (raw, value) => {
      expect(hkidNumber()(raw)).toEqual({ value });
    });

    it('resolves look-alikes by the check character', () => {
      expect(hkidNumber()('A1234S6(3)')).toMatchObject({ value: 'A123456(3)', warnings: ['checksum_corrected'] });
    });

    it('returns a number failing its check as read, flagged', () => {
      expect(hkidNumber()('A123456(4)')).toMatchObject({ value: 'A123456(4)', warnings: ['checksum_failed'] });
    });
  });

  describe(dayFirstDate.name, () => {
    it.each([
      ['17-12-1994男M', '1994-12-17'],
      ['DateofBirth29-02-2000', '2000-02-29'],
      ['15-10-20', '2020-10-15'],
    ])('reads %s as %s', (raw, iso) => {
      expect(dayFirstDate()(raw)).toEqual({ value: iso });
    });

    it('takes the last date after a bracketed month when asked', () => {
      expect(dayFirstDate({ pick: 'last' })('DateofIssue(10-80)15-10-20')).toEqual({ value: '2020-10-15' });
    });

    it('reads nothing from an impossible date', () => {
      expect(dayFirstDate()('31-02-1990')).toBeUndefined();
    });
  });

  describe(legacyCitizenIdNumber.name, () => {
    it('reads a 15-digit first-generation number, look-alikes replaced', () => {
      expect(legacyCitizenIdNumber()('45010278052130l')).toEqual({ value: '450102780521301' });
    });

    it('prefers an 18-character number, checked', () => {
      expect(legacyCitizenIdNumber()('450102197805213016')).toEqual({ value: '450102197805213016' });
    });

    it('flags a 15-digit number whose birth date is not real', () => {
      expect(legacyCitizenIdNumber()('450102781321301')?.warnings).toEqual(['checksum_failed']);
    });
  });
});
