import published from '../../../test/vectors/identifiers-public.json';
import { hkid } from './hkid';

describe('hkid', () => {
  it.each(published.hkid)('accepts the example $hkid', (v) => {
    expect(hkid.parse(v.hkid)).toEqual({
      valid: v.valid,
      formatValid: true,
      checkValid: true,
      number: 'A1234563',
      formatted: 'A123456(3)',
      expectedCheckCharacter: '3',
    });
  });

  it('pads a single letter with a space worth 36', () => {
    // 36·9 + 10·8 + 1·7 + 2·6 + 3·5 + 4·4 + 5·3 + 6·2 = 481; 481 mod 11 = 8; check 11 − 8 = 3.
    expect(hkid.checkCharacter('A123456')).toBe('3');
    // With two letters nothing is padded: 10·9 + 11·8 + 9·7 + 8·6 + 7·5 + 6·4 + 5·3 + 4·2 = 371; mod 11 = 8 → 3.
    expect(hkid.checkCharacter('AB987654')).toBe('3');
  });

  it('writes remainder 1 as A and remainder 0 as 0', () => {
    // 36·9 + 35·8 + 6·7 + 8·6 + 3·5 + 3·4 + 6·3 + 5·2 = 749; 749 mod 11 = 1 → A.
    expect(hkid.checkCharacter('Z683365')).toBe('A');
    expect(hkid.parse('Z683365(A)').valid).toBe(true);
    // 36·9 + 10·8 + 0 + 0 + 0 + 0 + 0 + 7·2 = 418 = 38·11 → 0.
    expect(hkid.checkCharacter('A000007')).toBe('0');
  });

  it('reads brackets, full-width brackets, spaces and lower case', () => {
    expect(hkid.parse('a 123456 (3)').valid).toBe(true);
    expect(hkid.parse('A123456（3）').formatted).toBe('A123456(3)');
    expect(hkid.parse('AB987654(3)').formatted).toBe('AB987654(3)');
  });

  it('refuses a wrong check character and a wrong shape', () => {
    expect(hkid.parse('A123456(4)')).toMatchObject({
      formatValid: true,
      checkValid: false,
      expectedCheckCharacter: '3',
    });
    expect(hkid.parse('A123456(B)').formatValid).toBe(false);
    expect(hkid.parse('ABC123456(3)').formatValid).toBe(false);
    expect(hkid.parse('A12345(3)').formatValid).toBe(false);
    expect(hkid.checkCharacter('1123456')).toBeUndefined();
  });
});

describe('hkid.correct', () => {
  it('reads letters among the digits as digits and digits in the prefix as letters (brackets removed)', () => {
    expect(hkid.correct('A1Z3456(3)')).toEqual({ value: 'A1234563', reason: 'corrected', positions: [2] });
    expect(hkid.correct('8123456(6)')).toEqual({ value: 'B1234566', reason: 'corrected', positions: [0] });
  });

  it('keeps a valid reading and refuses an unfixable one', () => {
    expect(hkid.correct('A123456(3)')).toEqual({ value: 'A1234563', reason: 'valid', positions: [] });
    expect(hkid.correct('A123456(4)').reason).toBe('invalid');
  });
});
