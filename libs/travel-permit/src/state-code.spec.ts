import { ICAO_STATE_CODES } from './icao-state-codes';
import { correctStateCode, unlistedStateCode } from './state-code';

describe(correctStateCode.name, () => {
  it('replaces a reading that is no code by the one code a look-alike away', () => {
    expect(correctStateCode('OHN')).toEqual({ value: 'CHN', corrected: true });
    expect(correctStateCode('O<<')).toEqual({ value: 'D<<', corrected: true });
    expect(correctStateCode('OEU')).toEqual({ value: 'DEU', corrected: true });
  });

  it('keeps a listed code, ISO 3166-1 or added by ICAO 9303-3 (Germany, stateless, the specimens’ Utopia)', () => {
    for (const code of ['CHE', 'CHN', 'D<<', 'XXA', 'UTO'])
      expect(correctStateCode(code)).toEqual({ value: code, corrected: false });
  });

  it('keeps a reading two look-alikes may correct (COM, DOM), one none may (DHN), and digits', () => {
    expect(correctStateCode('OOM')).toEqual({ value: 'OOM', corrected: false });
    expect(correctStateCode('DHN')).toEqual({ value: 'DHN', corrected: false });
    expect(correctStateCode('123')).toEqual({ value: '123', corrected: false });
  });
});

describe(unlistedStateCode.name, () => {
  const line2 = 'B659209220CHN6608291F2502092<<<<<<<<<<<<<<<4';

  it('tells a zone whose line lost glyphs before its state code (BH + NMA for CB + CHN)', () => {
    const lost = 'BHNMA<<SI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<';
    expect(unlistedStateCode({ format: 'TD3', lines: [lost, line2] })).toBe(true);
    expect(unlistedStateCode({ format: 'TD3', lines: ['CBCHNMA<<SI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', line2] })).toBe(
      false,
    );
  });

  it('leaves codes of digits and formats without state codes alone', () => {
    const rou = ['IDROUSAVA<<SUPERMAN<<<<<<<<<<<<<<<<<', 'HD198025<51328505095M130509012049941'];
    expect(unlistedStateCode({ format: 'TD2', lines: rou })).toBe(false);
    expect(unlistedStateCode({ format: 'CN-CS', lines: ['CSC012345672<3405053<9502127<4'] })).toBe(false);
  });
});

describe('ICAO_STATE_CODES', () => {
  it('holds ISO 3166-1 alpha-3 and the ICAO 9303-3 additions, each three characters', () => {
    expect(ICAO_STATE_CODES.size).toBe(249 + 30);
    expect([...ICAO_STATE_CODES].filter((c) => !/^[A-Z][A-Z<]{2}$/.test(c))).toEqual([]);
    expect(['HKG', 'MAC', 'TWN', 'GBN', 'UNO', 'XPO', 'XXX', 'EUE'].every((c) => ICAO_STATE_CODES.has(c))).toBe(true);
    expect(ICAO_STATE_CODES.has('DEU')).toBe(true);
    expect(ICAO_STATE_CODES.has('OHN')).toBe(false);
  });
});
