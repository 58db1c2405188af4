import published from '../../../test/vectors/identifiers-public.json';
import { organizationCode } from './organization-code';

describe('organizationCode (GB 11714)', () => {
  it.each(published.organization_code)('accepts the example $code', (v) => {
    expect(organizationCode.parse(v.code)).toEqual({
      valid: v.valid,
      formatValid: true,
      checkValid: true,
      code: v.code.replace('-', ''),
      expectedCheckCharacter: v.code.slice(-1),
    });
  });

  it('writes 10 as X and 11 as 0', () => {
    expect(organizationCode.checkCharacter('D2143569')).toBe('X');
    expect(organizationCode.checkCharacter('61204954')).toBe('2');
    // Σ = 0, so C = 11, written 0.
    expect(organizationCode.checkCharacter('00000000')).toBe('0');
  });

  it('refuses a wrong check character and a wrong shape', () => {
    expect(organizationCode.parse('D2143569-1')).toMatchObject({ formatValid: true, checkValid: false, valid: false });
    expect(organizationCode.parse('D2143569-Y').formatValid).toBe(false);
    expect(organizationCode.parse('d2143569x').valid).toBe(true);
    expect(organizationCode.checkCharacter('D214356')).toBeUndefined();
  });
});
