import shared from '../../../test/vectors/identifiers.json';
import published from '../../../test/vectors/identifiers-public.json';
import { citizenId } from './citizen-id';
import { uscc } from './uscc';

const eighteen = shared.cn_citizen_id_numbers.filter((v) => v.kind !== '15-digit');
const fifteen = shared.cn_citizen_id_numbers.filter((v) => v.kind === '15-digit');

describe('citizenId (GB 11643)', () => {
  it.each(eighteen)('judges the shared vector $id as the vector says', (v) => {
    expect(citizenId.isValid(v.id)).toBe(v.valid_checksum_and_date);
    expect(citizenId.checkCharacter(v.id.slice(0, 17))).toBe(v.computed_check_char ?? v.id[17]);
  });

  it.each(fifteen)('accepts the legacy 15-digit vector $id and upgrades it to $upgraded_18', (v) => {
    expect(citizenId.parse(v.id)).toMatchObject({ valid: true, legacy: true, upgraded: v.upgraded_18 });
    expect(citizenId.upgradeLegacy(v.id)).toBe(v.upgraded_18);
    expect(citizenId.isValid(v.upgraded_18 ?? '')).toBe(v.upgraded_valid);
  });

  it.each(published.citizen_id)('parses the standard example $id', (v) => {
    expect(citizenId.parse(v.id)).toEqual({
      valid: v.valid,
      reason: 'valid',
      number: v.id,
      legacy: false,
      regionCode: '110105',
      birthDate: v.birthDate,
      sex: v.sex,
      kind: 'citizen',
    });
  });

  it('decodes a legacy number: birth year 19YY, sex from the 15th digit', () => {
    expect(citizenId.parse('440524800101001')).toEqual({
      valid: true,
      reason: 'valid',
      number: '440524800101001',
      legacy: true,
      regionCode: '440524',
      birthDate: '1980-01-01',
      sex: '男',
      kind: 'citizen',
      upgraded: '440524198001010013',
    });
  });

  it('names the first rule a number breaks', () => {
    expect(citizenId.parse('1101051949123100').reason).toBe('format');
    expect(citizenId.parse('11010519491231002Y').reason).toBe('format');
    expect(citizenId.parse('001051194912310029').reason).toBe('regionCode');
    expect(citizenId.parse('110105190002299994')).toMatchObject({ reason: 'birthDate', birthDate: '1900-02-29' });
    expect(citizenId.parse('110105179912310029').reason).toBe('birthDate');
    expect(citizenId.parse('11010519491231001X')).toMatchObject({ valid: false, reason: 'checkCharacter' });
    expect(citizenId.parse('110105490230002').reason).toBe('birthDate');
    expect(citizenId.parse('810000800101001').reason).toBe('regionCode');
  });

  it('tells residence permits and the 2023 foreign permanent residence ID by their region code', () => {
    expect(citizenId.parse('810000199001019996').kind).toBe('residencePermit');
    expect(citizenId.parse('83000019900101999X').kind).toBe('residencePermit');
    const first17 = '93115619900101001';
    expect(citizenId.parse(first17 + citizenId.checkCharacter(first17))).toMatchObject({
      valid: true,
      kind: 'foreignPermanentResident',
    });
    const unknownProvince = '96000019900101001';
    expect(citizenId.parse(unknownProvince + citizenId.checkCharacter(unknownProvince)).reason).toBe('regionCode');
  });

  it('ignores whitespace and a lower-case x', () => {
    expect(citizenId.parse(' 110105 19491231 002x ')).toMatchObject({ valid: true, number: '11010519491231002X' });
  });

  it('does not tell an ID number from a USCC by a check character alone', () => {
    const both = shared.cn_citizen_id_numbers.find((v) => 'also_passes_uscc_check' in v);
    expect(both && citizenId.isValid(both.id) && uscc.isValid(both.id)).toBe(true);
  });
});

describe('citizenId.correct', () => {
  it('keeps a valid reading', () => {
    expect(citizenId.correct('11010519491231002X')).toEqual({
      value: '11010519491231002X',
      reason: 'valid',
      positions: [],
    });
  });

  it('replaces letters read for digits (O, I, B) and × for X', () => {
    expect(citizenId.correct('11O1O5I949I231OO2X')).toEqual({
      value: '11010519491231002X',
      reason: 'corrected',
      positions: [2, 4, 6, 10, 14, 15],
    });
    expect(citizenId.correct('44O524188OO1O1OO14').value).toBe('440524188001010014');
    expect(citizenId.correct('11010519491231002×').value).toBe('11010519491231002X');
    expect(citizenId.correct('l10105l9491231002X').value).toBe('11010519491231002X');
  });

  it('reads a check character 8 as X when only X passes', () => {
    expect(citizenId.correct('110105194912310028')).toEqual({
      value: '11010519491231002X',
      reason: 'corrected',
      positions: [17],
    });
  });

  it('never invents a digit: a wrong digit stays as read', () => {
    expect(citizenId.correct('110105194912310039')).toEqual({
      value: '110105194912310039',
      reason: 'invalid',
      positions: [],
    });
  });

  it('refuses a correction whose birth date disagrees with the printed one', () => {
    expect(citizenId.correct('110105194912310028', '1949-12-30').reason).toBe('invalid');
    expect(citizenId.correct('110105194912310028', '1949-12-31').reason).toBe('corrected');
  });

  it('corrects a legacy reading only where a character cannot be a digit', () => {
    expect(citizenId.correct('44O524800101001')).toMatchObject({ value: '440524800101001', reason: 'corrected' });
  });
});
