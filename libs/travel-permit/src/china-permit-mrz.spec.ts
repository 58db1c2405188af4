import { encode } from 'iconv-lite';
import { decodeMrzChineseName, encodeMrzChineseName } from './china-permit-mrz';
import { parseMrz } from './mrz-parser';

const REFERENCE = { referenceDate: new Date('2026-01-01T00:00:00Z') };

describe('Chinese exit-entry permit zones', () => {
  // Invented holder; ICAO 7-3-1 check digits: C01234567 → 2, 340505 → 3, 950212 → 7, composite over
  // "C012345672" + "3405053" + "9502127" → 4 (e.g. C=12: 12·7 + 0·3 + 1·1 + …).
  const CS = 'CSC012345672<3405053<9502127<4';

  it('parses the CS line of the 2014 往来港澳通行证 with its four check digits', () => {
    expect(parseMrz([CS], REFERENCE)).toEqual({
      format: 'CN-CS',
      lines: [CS],
      fields: {
        documentCode: 'CS',
        issuingState: 'CHN',
        surname: '',
        givenNames: '',
        documentNumber: 'C01234567',
        nationality: '',
        birthDate: '1995-02-12',
        sex: '',
        expiryDate: '2034-05-05',
        optionalData: '',
        optionalData2: '',
        nativeName: '',
      },
      checks: [
        { name: 'documentNumber', valid: true },
        { name: 'expiryDate', valid: true },
        { name: 'birthDate', valid: true },
        { name: 'composite', valid: true },
      ],
      valid: true,
    });
  });

  it('corrects a CS line read with look-alikes and fails a wrong composite', () => {
    expect(parseMrz(['CSCO1234567Z<34O5O53<95O2127K4'], REFERENCE).lines).toEqual([CS]);
    expect(parseMrz(['CSC0I2345672<3405053<9502127<4'], REFERENCE).lines).toEqual([CS]);
    const wrong = parseMrz(['CSC012345672<3405053<9502127<5'], REFERENCE);
    expect(wrong.checks).toContainEqual({ name: 'composite', valid: false });
  });

  it('parses a 3 × 30 zone: CS-style line 1, GBK-encoded Chinese name and pinyin names, line 3', () => {
    const lines = [
      'CDL123456781<3405053<9502127<6',
      'MAOONAKBLLKKLI<<XIAOHUA<<<<<<<',
      '0112345<<<<<<<<<<<<<<<<<<<<<<<',
    ];
    const r = parseMrz(lines, REFERENCE);
    expect(r.format).toBe('CN-3x30');
    expect(r.fields).toMatchObject({
      documentCode: 'CD',
      documentNumber: 'L12345678',
      surname: 'LI',
      givenNames: 'XIAOHUA',
      nativeName: '李小华',
      optionalData2: '0112345',
    });
    expect(r.valid).toBe(true);
  });

  it('encodes and decodes Chinese names as GBK bytes written A–P', () => {
    // 李 is GBK 0xC0EE: C→M, 0→A, E→O, E→O.
    expect(encodeMrzChineseName('李', (s) => encode(s, 'gbk'))).toBe('MAOO');
    expect(decodeMrzChineseName('MAOONAKBLLKK')).toBe('李小华');
    expect(decodeMrzChineseName('MAOO<<<<')).toBe('李');
    expect(decodeMrzChineseName('ZZZZ')).toBe('');
  });
});
