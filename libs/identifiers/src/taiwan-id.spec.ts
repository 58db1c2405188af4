import published from '../../../test/vectors/identifiers-public.json';
import { taiwanId } from './taiwan-id';

describe('taiwanId', () => {
  it.each(published.taiwan_id)('accepts the example $id', (v) => {
    expect(taiwanId.parse(v.id)).toEqual({
      valid: v.valid,
      formatValid: true,
      checkValid: true,
      number: v.id,
      sex: '男',
      resident: false,
    });
  });

  it('counts the letter as two digits from its own table (I, O, W and Z out of order)', () => {
    // W = 32: 3·1 + 2·9 + 2·8 + 0 … = 37 → check 3.
    expect(taiwanId.checkDigit('W20000000')).toBe('3');
    // I = 34: 3 + 36 + 8 = 47 → 3; O = 35: 3 + 45 + 8 = 56 → 4.
    expect(taiwanId.checkDigit('I10000000')).toBe('3');
    expect(taiwanId.checkDigit('O10000000')).toBe('4');
  });

  it('reads 2 as female and 8/9 as a new resident certificate number', () => {
    // F = 15: 1 + 5·9 + 2·8 = 62 → check 8.
    expect(taiwanId.parse('F200000008')).toMatchObject({ valid: true, sex: '女', resident: false });
    // A = 10: 1 + 0 + 8·8 = 65 → check 5.
    expect(taiwanId.parse('A800000005')).toMatchObject({ valid: true, sex: '男', resident: true });
  });

  it('refuses a wrong check digit and other shapes', () => {
    expect(taiwanId.parse('A123456788')).toMatchObject({ formatValid: true, checkValid: false });
    expect(taiwanId.parse('A323456789').formatValid).toBe(false);
    expect(taiwanId.parse('AB23456789').formatValid).toBe(false);
    expect(taiwanId.isValid('a123456789')).toBe(true);
  });

  it('corrects look-alikes: a letter first, digits after', () => {
    expect(taiwanId.correct('A1Z3456789')).toEqual({ value: 'A123456789', reason: 'corrected', positions: [2] });
    // B = 11: Σ 130 → check 0.
    expect(taiwanId.correct('8123456780')).toEqual({ value: 'B123456780', reason: 'corrected', positions: [0] });
    expect(taiwanId.correct('A123456788').reason).toBe('invalid');
  });
});
