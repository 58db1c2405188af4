import {
  hkOrMacauId,
  nameLineFromPrinted,
  permitNumber,
  romanName,
  splitCantoneseSyllables,
  taiwanIdNumber,
  validityPeriod,
} from './permit-values';

describe('permit value parsers', () => {
  it('reads permit numbers of a fixed shape, resolving look-alikes by position', () => {
    const card = permitNumber('CADDDDDDD');
    expect(card('C75268992')).toEqual({ value: 'C75268992' });
    expect(card('C7526B99Z')).toEqual({ value: 'C75268992', factor: 0.9 });
    expect(card('CS75268992')).toBeUndefined();
    const resident = permitNumber('LDDDDDDDDDD', 'LDDDDDDDD');
    expect(resident('H4340748301')?.value).toBe('H4340748301');
    expect(resident('H43407483')?.value).toBe('H43407483');
    expect(permitNumber('DDDDDDDD')('123456789')).toBeUndefined();
  });

  it('checks an HKID by its check character (§3.4) and accepts a Macau ID by format (§3.5)', () => {
    const id = hkOrMacauId();
    expect(id('A123456(3)')).toEqual({ value: 'A123456(3)' });
    expect(id('A1234563')).toEqual({ value: 'A123456(3)' });
    expect(id('A12345G(3)')).toEqual({ value: 'A123456(3)', factor: 0.9, warnings: ['checksum_corrected'] });
    expect(id('A123456(4)')).toMatchObject({ warnings: ['checksum_failed'] });
    expect(id('1234567(8)')).toEqual({ value: '1234567(8)' });
    expect(id('1/234567/8')).toEqual({ value: '1234567(8)' });
  });

  it('checks a Taiwan ID by its check digit (§3.5)', () => {
    const tw = taiwanIdNumber();
    expect(tw('A123456789')).toEqual({ value: 'A123456789' });
    expect(tw('A123456788')).toMatchObject({ warnings: ['checksum_failed'] });
    expect(tw('AI23456789')).toMatchObject({ value: 'A123456789', warnings: ['checksum_corrected'] });
    // O, D and Q weigh the same in the check: a leading zero is read as the O it most often is.
    expect(tw('0165734825')).toEqual({ value: 'O165734825' });
  });

  it('formats a romanised name as SURNAME, GIVEN with its parts', () => {
    expect(romanName()('LI,LEI')).toEqual({ value: 'LI, LEI', parts: { surname: 'LI', given: 'LEI' } });
    expect(romanName()('CHEN, CHIA - SHU')).toMatchObject({ value: 'CHEN, CHIA-SHU' });
  });

  it('splits a Cantonese given name read without spaces by maximal onset', () => {
    expect(splitCantoneseSyllables('CHIKA', 2)).toEqual(['CHI', 'KA']);
    expect(splitCantoneseSyllables('KITYAN', 2)).toEqual(['KIT', 'YAN']);
    expect(splitCantoneseSyllables('TAIMAN', 2)).toEqual(['TAI', 'MAN']);
    expect(splitCantoneseSyllables('SZEWAI', 2)).toEqual(['SZE', 'WAI']);
    expect(splitCantoneseSyllables('LINGMEI', 2)).toEqual(['LING', 'MEI']);
    expect(splitCantoneseSyllables('LINGWAI', 2)).toEqual(['LING', 'WAI']);
    expect(splitCantoneseSyllables('XQZ', 2)).toBeUndefined();
  });

  it('reads a printed validity span', () => {
    expect(validityPeriod()('2020.01.19-2030.01.18')).toEqual({
      value: '2020.01.19-2030.01.18',
      parts: { from: '2020-01-19', to: '2030-01-18' },
    });
    expect(validityPeriod()('2030.01.19-2020.01.18')).toBeUndefined();
  });

  it('rebuilds a TD1 name line from the printed name, fillers for spaces and hyphens', () => {
    expect(nameLineFromPrinted('LI<<EI<<<<<<<<<<<<<<<<<<<<<<<<', 'LI, LEI')).toBe('LI<<LEI<<<<<<<<<<<<<<<<<<<<<<<');
    expect(nameLineFromPrinted('X', 'CHEN, CHIA-SHU')).toBe('CHEN<<CHIA<SHU<<<<<<<<<<<<<<<<');
    expect(nameLineFromPrinted('ZONE', undefined)).toBe('ZONE');
  });
});
