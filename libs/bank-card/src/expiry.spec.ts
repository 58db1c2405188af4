import { isExpired, parseExpiry, parseExpiryBesideLabel } from './expiry';

describe('bank card expiry (MM/YY)', () => {
  it.each([
    ['09/33', '09/33'],
    ['VALIDTHRU12/34', '12/34'],
    ['01/2030', '01/30'],
    ['13/25', undefined],
    ['00/25', undefined],
    ['2024/05/09', undefined],
    ['0933', undefined],
  ])('reads %s as %s', (text, expected) => {
    expect(parseExpiry(text)).toBe(expected);
  });

  it('reads a misread slash only beside the VALID THRU label', () => {
    expect(parseExpiryBesideLabel('09133')).toBe('09/33');
    expect(parseExpiryBesideLabel('0933')).toBe('09/33');
    expect(parseExpiryBesideLabel('1234567')).toBeUndefined();
  });

  it('counts a card valid through the end of its month', () => {
    expect(isExpired('11/26', '2026-11-30')).toBe(false);
    expect(isExpired('10/26', '2026-11-01')).toBe(true);
  });
});
