import { drivingLicenceFileNumber } from './driving-licence-file-number';

describe('drivingLicenceFileNumber (12 digits, format only)', () => {
  it('accepts 12 digits, spaces ignored', () => {
    expect(drivingLicenceFileNumber.parse('4401 0012 3456')).toEqual({ valid: true, number: '440100123456' });
  });

  it.each(['44010012345', '4401001234567', '44010012345X'])('refuses %s', (text) => {
    expect(drivingLicenceFileNumber.isValid(text)).toBe(false);
  });
});
