import shared from '../../../../test/vectors/identifiers.json';
import { isRealDate } from '@zhengjian/recognition';
import { gb11643CheckChar, isValidCitizenId, parseCitizenId, upgradeLegacyCitizenId } from './gb11643';
import { resolveCitizenIdReading } from './citizen-id-reading';

/** The team's check-character vectors, committed in the repository (see test/vectors/README.md). */
const vectors = shared.cn_citizen_id_numbers;

describe('GB 11643 citizen ID number', () => {
  it('reads every committed vector', () => {
    expect(vectors).toHaveLength(17);
  });

  describe.each(vectors.filter((v) => v.kind !== '15-digit'))('vector $id', (v) => {
    it(`is ${v.valid_checksum_and_date ? 'valid' : 'invalid'}`, () => {
      expect(isValidCitizenId(v.id)).toBe(v.valid_checksum_and_date);
    });
    it('has the check character the vector computes (or its own last character when valid)', () => {
      expect(gb11643CheckChar(v.id.slice(0, 17))).toBe(v.computed_check_char ?? v.id[17]);
    });
  });

  describe.each(vectors.filter((v) => v.kind === '15-digit'))('legacy 15-digit vector $id', (v) => {
    it(`upgrades to ${v.upgraded_18}`, () => {
      expect(upgradeLegacyCitizenId(v.id)).toBe(v.upgraded_18);
      expect(isValidCitizenId(v.upgraded_18 ?? '')).toBe(v.upgraded_valid);
    });
  });

  it('normalises a lower-case x and decodes birth date and sex', () => {
    expect(parseCitizenId('11010519491231002x')).toEqual({
      number: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '女',
      provinceCode: '11',
    });
  });

  it('accepts 29 February only in leap years', () => {
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1996, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isValidCitizenId('110105200002299990')).toBe(true);
    expect(isValidCitizenId('110105190002299994')).toBe(false);
  });

  it('refuses a 15-digit number with an impossible birth date', () => {
    expect(upgradeLegacyCitizenId('110105490230002')).toBeUndefined();
    expect(upgradeLegacyCitizenId('11010549123100')).toBeUndefined();
  });
});

describe(resolveCitizenIdReading.name, () => {
  it('keeps a valid reading as it is', () => {
    expect(resolveCitizenIdReading('11010519491231002X')).toEqual({
      value: '11010519491231002X',
      valid: true,
      corrected: false,
    });
  });

  it('corrects O, I and B look-alikes to the one valid number', () => {
    expect(resolveCitizenIdReading('11O1O5I949I231OO2X', '1949-12-31')).toEqual({
      value: '11010519491231002X',
      valid: true,
      corrected: true,
    });
    expect(resolveCitizenIdReading('44O524188OO1O1OO14')).toEqual({
      value: '440524188001010014',
      valid: true,
      corrected: true,
    });
  });

  it('reads a check character 8 as X when only X passes', () => {
    expect(resolveCitizenIdReading('110105194912310028')).toEqual({
      value: '11010519491231002X',
      valid: true,
      corrected: true,
    });
    expect(resolveCitizenIdReading('11010519491231002×').value).toBe('11010519491231002X');
  });

  it('never invents a digit: a wrong digit stays as read and invalid', () => {
    expect(resolveCitizenIdReading('110105194912310039')).toEqual({
      value: '110105194912310039',
      valid: false,
      corrected: false,
      failure: 'checksum',
    });
  });

  it('refuses a correction whose birth date disagrees with the printed one', () => {
    expect(resolveCitizenIdReading('110105194912310028', '1949-12-30')).toEqual({
      value: '110105194912310028',
      valid: false,
      corrected: false,
      failure: 'checksum',
    });
  });
});
