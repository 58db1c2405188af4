import shared from '../../../test/vectors/identifiers.json';
import published from '../../../test/vectors/identifiers-public.json';
import { VIN_ALPHABET, vin } from './vin';

describe('vin (ISO 3779, check digit of GB 16735 / 49 CFR 565)', () => {
  it.each(shared.vin)('checks the shared vector $vin as the vector says', (v) => {
    expect(vin.parse(v.vin)).toMatchObject({
      formatValid: true,
      checkDigitValid: v.check_passes,
      expectedCheckDigit: v.computed_check_char,
    });
    expect(vin.checkDigit(v.vin)).toBe(v.pos9);
  });

  it.each(published.vin)('checks the published example $vin', (v) => {
    expect(vin.parse(v.vin)).toEqual({
      formatValid: v.formatValid,
      checkDigitValid: v.checkDigitValid,
      vin: v.vin,
      expectedCheckDigit: 'X',
      wmi: '1M8',
      vds: 'GDM9AX',
      vis: 'KP042788',
    });
  });

  it('tells format validity from check-digit validity', () => {
    // A European VIN need not carry a check digit: format valid, check digit wrong.
    const european = 'WVWZZZ1JZXW000001';
    expect(vin.parse(european)).toMatchObject({ formatValid: true, checkDigitValid: false, expectedCheckDigit: '0' });
    expect(vin.isValid(european)).toBe(false);
    expect(vin.isValid(european, false)).toBe(true);
  });

  it('refuses I, O, Q and other lengths', () => {
    expect(VIN_ALPHABET).toHaveLength(33);
    for (const letter of 'IOQ') expect(vin.parse(`1M8GDM9AXKP04278${letter}`).formatValid).toBe(false);
    expect(vin.parse('1M8GDM9AXKP04278').formatValid).toBe(false);
    expect(vin.checkDigit('1M8GDM9AXKP04278O')).toBeUndefined();
    expect(vin.isValid(' 1m8gdm9axkp042788 ')).toBe(true);
  });
});

describe('vin.correct', () => {
  it('replaces I, O and Q, which no VIN has', () => {
    expect(vin.correct('1M8GDM9AXKP04Z788'.replace('Z', '2').replace('0', 'O'))).toEqual({
      value: '1M8GDM9AXKP042788',
      reason: 'corrected',
      positions: [11],
    });
    expect(vin.correct('IHGCM82633AOO4352')).toMatchObject({ value: '1HGCM82633A004352', reason: 'corrected' });
  });

  it('changes a letter–digit look-alike (G ↔ 6, B ↔ 8) when only one change passes the check digit', () => {
    expect(vin.correct('1M86DM9AXKP042788')).toEqual({
      value: '1M8GDM9AXKP042788',
      reason: 'corrected',
      positions: [3],
    });
    expect(vin.correct('W8A71DC010CH14720')).toEqual({
      value: 'WBA71DC010CH14720',
      reason: 'corrected',
      positions: [1],
    });
  });

  it('leaves a reading as read when several look-alike changes pass the check digit', () => {
    expect(vin.correct('SYJ3E1EAXHF000316')).toEqual({
      value: 'SYJ3E1EAXHF000316',
      reason: 'ambiguous',
      positions: [],
    });
  });

  it('without the check-digit rule replaces only the impossible letters', () => {
    expect(vin.correct('WVWZZZIJZXWOOOOO1', false)).toEqual({
      value: 'WVWZZZ1JZXW000001',
      reason: 'corrected',
      positions: [6, 11, 12, 13, 14, 15],
    });
    expect(vin.correct('WVWZZZ1JZXW000001', false).reason).toBe('valid');
  });
});
