import published from '../../../test/vectors/identifiers-public.json';
import { icaoCheckDigit } from './icao-check-digit';

describe('icaoCheckDigit (ICAO 9303 7-3-1)', () => {
  it.each(published.icao_fields)('gives $field the check digit $checkDigit', (v) => {
    expect(icaoCheckDigit.isValidField(v.field, v.checkDigit)).toBe(true);
    expect(icaoCheckDigit.checkDigit(v.field)).toBe(v.checkDigit === '<' ? '0' : v.checkDigit);
  });

  it('accepts a field and check digit all fillers, and only then < as a check digit', () => {
    expect(icaoCheckDigit.isValidField('<<<<<<<<<', '<')).toBe(true);
    expect(icaoCheckDigit.isValidField('<<<<<<<<<', '0')).toBe(true);
    expect(icaoCheckDigit.isValidField('', '<')).toBe(true);
    expect(icaoCheckDigit.isValidField('L898902C3', '<')).toBe(false);
    expect(icaoCheckDigit.isValidField('<<<<<<<<<', '1')).toBe(false);
  });

  it('refuses characters outside the MRZ alphabet and a wrong check digit', () => {
    expect(icaoCheckDigit.checkDigit('l898902c3')).toBeUndefined();
    expect(icaoCheckDigit.isValidField('L898902C3', '7')).toBe(false);
    expect(icaoCheckDigit.isValidField('L898902C3', '66')).toBe(false);
  });
});

describe('icaoCheckDigit.correctField', () => {
  it('corrects a date read with letters, G included', () => {
    expect(icaoCheckDigit.correctField('I2O4IS9', 'numeric').value).toBe('1204159');
    expect(icaoCheckDigit.correctField('GGGGGG2', 'numeric').value).toBe('6666662');
    expect(icaoCheckDigit.correctField('74O8I22', 'numeric')).toEqual({
      value: '7408122',
      reason: 'corrected',
      positions: [2, 4],
    });
  });

  it('reads ( or « in a filler field as <', () => {
    expect(icaoCheckDigit.correctField('ZE184226B<<(«<1', 'alphanumeric')).toEqual({
      value: 'ZE184226B<<<<<1',
      reason: 'corrected',
      positions: [11, 12],
    });
  });

  it('corrects a document number when one look-alike change passes', () => {
    expect(icaoCheckDigit.correctField('L8989O2C36', 'alphanumeric')).toEqual({
      value: 'L898902C36',
      reason: 'corrected',
      positions: [5],
    });
  });

  it('cannot see G ↔ 6 or K ↔ < (their values differ by a multiple of 10): such a reading already passes', () => {
    expect(icaoCheckDigit.checkDigit('AG1')).toBe(icaoCheckDigit.checkDigit('A61'));
    expect(icaoCheckDigit.checkDigit('AK<')).toBe(icaoCheckDigit.checkDigit('A<<'));
    expect(icaoCheckDigit.correctField('ZE184226BK<<<<1', 'alphanumeric').reason).toBe('valid');
  });
});
