import { citizenId, vin } from '@zhengjian/identifiers';
import { closestMatch, oneOf } from './closest-match';
import { addYears, date, datesIn, dayMonthYear, validity } from './dates';
import { citizenIdNumber, digits, plateNumber, vinNumber } from './identifier-values';
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

    it('lowers the confidence of a corrected entry in oneOf', () => {
      expect(oneOf(uses)('UseCharacter出祖客运')).toEqual({ value: '出租客运', factor: 0.9 });
    });
  });

  it('keeps the characters of free text and of a name', () => {
    expect(text()('Owner:北京某某科技有限公司')).toEqual({ value: 'Owner北京某某科技有限公司' });
    expect(chineseName()('Name买买提•艾力')).toEqual({ value: '买买提·艾力' });
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

  describe(vinNumber.name, () => {
    const good = 'LFVJHV3X5KA135094';

    it('finds the VIN in a line that runs on from its sub-label', () => {
      expect(vin.isValid(good)).toBe(true);
      expect(vinNumber()(`vIN${good}`)).toEqual({ value: good });
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
    });
  });

  it('reads plates of every GA 36 shape and drops the separator dot', () => {
    expect(plateNumber()('PlateNo.京A·12345')).toEqual({ value: '京A12345' });
    expect(plateNumber()('粤BD12345')).toEqual({ value: '粤BD12345' });
    expect(plateNumber()('京AO1234')).toEqual({ value: '京A01234', factor: 0.9 });
    expect(plateNumber()('京12345')).toBeUndefined();
  });

  it('reads a run of exactly the digits asked', () => {
    expect(digits(12)('FileNo.540132612074')).toEqual({ value: '540132612074', factor: 1 });
    expect(digits(12)('54O132612074')).toEqual({ value: '540132612074', factor: 0.9 });
    expect(digits(12)('5401326120745')).toBeUndefined();
    expect(digits(12)('leNo620145437673')).toEqual({ value: '620145437673', factor: 1 });
  });
});
