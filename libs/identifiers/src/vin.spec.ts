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

  it('wants digits in the last four positions (ISO 3779 VIS)', () => {
    // A truck model code (整车型号) printed near the VIN on a nameplate is 17 characters of the alphabet too.
    expect(vin.parse('5310CCYP66K24L7T4').formatValid).toBe(false);
    expect(vin.parse('1M8GDM9AXKP04278A').formatValid).toBe(false);
    expect(vin.checkDigit('1M8GDM9AXKP0427B8')).toBeUndefined();
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
    expect(vin.correct('LC05WA8897M885417')).toEqual({
      value: 'LC05WAB897M885417',
      reason: 'corrected',
      positions: [6],
    });
  });

  it('leaves a reading as read when several look-alike changes pass the check digit', () => {
    expect(vin.correct('1H6CM82633A004352')).toEqual({
      value: '1H6CM82633A004352',
      reason: 'ambiguous',
      positions: [],
    });
  });

  it('changes no allowed character where the region does not mandate the check digit (imported cars)', () => {
    expect(vin.checkDigitMandated('LFVJHV3X5KA135094')).toBe(true);
    expect(vin.checkDigitMandated('5YJ3E1EAXHF000316')).toBe(true);
    expect(vin.checkDigitMandated('WP137A5J2E3520073')).toBe(false);
    // A Porsche VIN whose 9th character is no check digit: 2 → Z at position 13 would pass it, by chance.
    expect(vin.correct('WP137A5J2E3520073')).toEqual({ value: 'WP137A5J2E3520073', reason: 'invalid', positions: [] });
    // A German VIN that does carry one, misread: left as read too (only a mandated check digit may arbitrate).
    expect(vin.correct('W8A71DC010CH14720').reason).toBe('invalid');
    // A character no position holds is still replaced, and the check digit then decides.
    expect(vin.correct('WBA71DC01OCH14720')).toMatchObject({ value: 'WBA71DC010CH14720', reason: 'corrected' });
  });

  it('reads a letter in the last four positions as its digit look-alike', () => {
    // European VIN (no check digit): Z → 2 and S → 5 are the only readings the format allows there.
    expect(vin.correct('WVWZZZ1JZXW00Z0S1', false)).toEqual({
      value: 'WVWZZZ1JZXW002051',
      reason: 'corrected',
      positions: [13, 15],
    });
    // The same letters before the last four are left as read.
    expect(vin.correct('WVWZZZ1JZXWZ00001', false).reason).toBe('valid');
    expect(vin.correct('1M8GDM9AXKP04Z788')).toMatchObject({ value: '1M8GDM9AXKP042788', reason: 'corrected' });
    expect(vin.correct('5310CCYP66K24L7T4', false).reason).toBe('invalid');
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
