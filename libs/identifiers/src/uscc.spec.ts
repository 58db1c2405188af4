import shared from '../../../test/vectors/identifiers.json';
import published from '../../../test/vectors/identifiers-public.json';
import { organizationCode } from './organization-code';
import { USCC_ALPHABET, uscc } from './uscc';

describe('uscc (GB 32100)', () => {
  it.each(shared.uscc)('checks the shared vector $code as the vector says', (v) => {
    expect(uscc.parse(v.code)).toMatchObject({
      formatValid: true,
      checkValid: v.gb32100_check_passes,
      expectedCheckCharacter: v.computed_check_char,
    });
    expect(uscc.checkCharacter(v.code.slice(0, 17))).toBe(v.computed_check_char);
  });

  it.each(published.uscc)('checks the published code $code', (v) => {
    expect(uscc.parse(v.code)).toMatchObject({ formatValid: v.formatValid, checkValid: v.checkValid });
  });

  it('reports a legally issued pre-2016 code as format valid with its check failed', () => {
    expect(uscc.parse('91350203M0001QKT19')).toEqual({
      valid: false,
      formatValid: true,
      checkValid: false,
      code: '91350203M0001QKT19',
      expectedCheckCharacter: 'F',
      registrationAuthority: '9',
      category: '1',
      regionCode: '350203',
      organizationCode: 'M0001QKT1',
    });
  });

  it('accepts a check character 0', () => {
    expect(uscc.parse('913502006120495420')).toMatchObject({ valid: true, expectedCheckCharacter: '0' });
  });

  it('uses the 31-character alphabet without I, O, S, V, Z', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const letter of 'IOSVZ') {
      expect(USCC_ALPHABET).not.toContain(letter);
      expect(uscc.parse(`91350100M00010${letter}Y43`).formatValid).toBe(false);
    }
    expect(uscc.checkCharacter('91350100M00010IY4')).toBeUndefined();
  });

  it('has characters 9–17 that are a GB 11714 organisation code', () => {
    for (const v of shared.uscc.filter((x) => x.gb32100_check_passes)) {
      expect(organizationCode.isValid(uscc.parse(v.code).organizationCode ?? '')).toBe(true);
    }
  });

  it('refuses other lengths and characters, and letters in the region code (characters 3–8)', () => {
    expect(uscc.parse('9135O100M000100Y43').formatValid).toBe(false);
    expect(uscc.parse('9135D100M000100Y43').formatValid).toBe(false);
    expect(uscc.parse('91350100M000100Y4').formatValid).toBe(false);
    expect(uscc.parse('91350100M000100Y43 ').valid).toBe(true);
    expect(uscc.parse('91350100-M000100Y43').formatValid).toBe(false);
  });
});

describe('uscc.correct', () => {
  it('replaces letters the alphabet excludes by their digit look-alikes', () => {
    expect(uscc.correct('9135O1OOM0OO1OOY43')).toEqual({
      value: '91350100M000100Y43',
      reason: 'corrected',
      positions: [4, 6, 7, 10, 11, 13, 14],
    });
    expect(uscc.correct('91S001OSMA5UM6TF71')).toEqual({
      value: '91500105MA5UM6TF71',
      reason: 'corrected',
      positions: [2, 6, 7],
    });
  });

  it('reads a letter in the region code (characters 3–8) as the digit it resembles', () => {
    // D is a USCC character, but not a digit: in the region code it can only be a misread 0.
    expect(uscc.correct('9135D100M000100Y43')).toEqual({
      value: '91350100M000100Y43',
      reason: 'corrected',
      positions: [4],
    });
  });

  it('leaves a reading as read when two look-alike changes both pass the check', () => {
    // B → 8 at position 12 restores the code; another single look-alike change passes the check too.
    expect(uscc.correct('913501055709B120XJ')).toEqual({
      value: '913501055709B120XJ',
      reason: 'ambiguous',
      positions: [],
    });
  });
});
