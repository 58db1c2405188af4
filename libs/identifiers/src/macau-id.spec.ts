import { macauId } from './macau-id';

describe('macauId (format only)', () => {
  it.each([
    ['1234567(8)', '1234567(8)'],
    ['12345678', '1234567(8)'],
    ['1/234567/8', '1234567(8)'],
    ['5 234567 (0)', '5234567(0)'],
    ['7000001（3）', '7000001(3)'],
  ])('accepts %s as %s', (text, formatted) => {
    expect(macauId.parse(text)).toMatchObject({ valid: true, formatted });
  });

  it.each(['2234567(8)', '123456(7)', '1234567(A)', '1234567(89)', '1/2345678'])('refuses %s', (text) => {
    expect(macauId.isValid(text)).toBe(false);
  });
});
