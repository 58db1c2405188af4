import { td3Lines } from '../../../test/fixtures/mrz-band';
import { detectMrzFormat, parseMrz } from './mrz-parser';

const REFERENCE = { referenceDate: new Date('2026-01-01T00:00:00Z') };

// Specimen zones of ICAO Doc 9303 (8th ed.): Part 4 (TD3), Part 5 (TD1), Part 6 (TD2), Part 7 (MRV-A, MRV-B).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD1_LONG = ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'];
const MRV_A = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
const MRV_B = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];

describe(parseMrz.name, () => {
  it('parses the ICAO TD3 specimen with every check digit valid', () => {
    expect(parseMrz(TD3, REFERENCE)).toEqual({
      format: 'TD3',
      lines: TD3,
      fields: {
        documentCode: 'P',
        issuingState: 'UTO',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        optionalData: 'ZE184226B',
        optionalData2: '',
        nativeName: '',
      },
      checks: [
        { name: 'documentNumber', valid: true },
        { name: 'birthDate', valid: true },
        { name: 'expiryDate', valid: true },
        { name: 'personalNumber', valid: true },
        { name: 'composite', valid: true },
      ],
      valid: true,
    });
  });

  it('parses the ICAO TD2 specimen', () => {
    const r = parseMrz(TD2, REFERENCE);
    expect(r.format).toBe('TD2');
    expect(r.fields).toMatchObject({ documentCode: 'I', documentNumber: 'D23145890', birthDate: '1974-08-12' });
    expect(r.checks.map((c) => c.name)).toEqual(['documentNumber', 'birthDate', 'expiryDate', 'composite']);
    expect(r.valid).toBe(true);
  });

  it('parses the ICAO TD1 specimen, names from line 3', () => {
    const r = parseMrz(TD1, REFERENCE);
    expect(r.format).toBe('TD1');
    expect(r.fields).toMatchObject({
      documentNumber: 'D23145890',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nationality: 'UTO',
      expiryDate: '2012-04-15',
    });
    expect(r.valid).toBe(true);
  });

  it('joins a TD1 document number longer than 9 characters with its continuation in the optional data', () => {
    const r = parseMrz(TD1_LONG, REFERENCE);
    expect(r.fields.documentNumber).toBe('D23145890734');
    expect(r.fields.optionalData).toBe('');
    expect(r.checks).toContainEqual({ name: 'documentNumber', valid: true });
    expect(r.valid).toBe(true);
    const wrong = ['I<UTOD23145890<7348<<<<<<<<<<<', TD1_LONG[1], TD1_LONG[2]];
    expect(parseMrz(wrong, { ...REFERENCE, correct: false }).checks).toContainEqual({
      name: 'documentNumber',
      valid: false,
    });
  });

  it('parses MRV-A and MRV-B visas: optional data to the end of line 2, no composite check digit', () => {
    const a = parseMrz(MRV_A, REFERENCE);
    expect(a.format).toBe('MRV-A');
    expect(a.fields).toMatchObject({ documentCode: 'V', documentNumber: 'L8988901C', nationality: 'XXX' });
    expect(a.fields.optionalData).toBe('6ZE184226B');
    expect(a.checks.map((c) => c.name)).toEqual(['documentNumber', 'birthDate', 'expiryDate']);
    expect(a.valid).toBe(true);
    const b = parseMrz(MRV_B, REFERENCE);
    expect(b.format).toBe('MRV-B');
    expect(b.fields).toMatchObject({ birthDate: '1940-09-07', expiryDate: '2096-12-10', optionalData: '' });
    expect(b.valid).toBe(true);
  });

  it('accepts fields and check digits that are all fillers as valid and empty', () => {
    // Personal number and its check digit all `<` (ICAO 9303 Part 4: the check digit may be `<`).
    const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8'];
    const r = parseMrz(lines, { ...REFERENCE, correct: false });
    expect(r.checks).toEqual([
      { name: 'documentNumber', valid: true },
      { name: 'birthDate', valid: true },
      { name: 'expiryDate', valid: true },
      { name: 'personalNumber', valid: true },
      { name: 'composite', valid: true },
    ]);
    expect(r.fields.optionalData).toBe('');
    const sexUnknown = parseMrz(
      ['I<UTOERIKSSON<<ANNA<<<<<<<<<<<<<<<<<', 'D231458907UTO7408122<1204159<<<<<<<6'],
      REFERENCE,
    );
    expect(sexUnknown.fields.sex).toBe('');
  });

  it('reports a wrong check digit as invalid without throwing', () => {
    const r = parseMrz([TD3[0], 'L898902C36UTO7408123F1204159ZE184226B<<<<<10'], { ...REFERENCE, correct: false });
    expect(r.checks).toContainEqual({ name: 'birthDate', valid: false });
    expect(r.checks).toContainEqual({ name: 'composite', valid: false });
    expect(r.valid).toBe(false);
  });

  it('puts a birth date in the latest century not after the reference date, an expiry date in 20YY', () => {
    const line2 = (birth: string, expiry: string): string => {
      const parsed = parseMrz([TD2[0], `D231458907UTO${birth}F${expiry}<<<<<<<6`], { ...REFERENCE, correct: false });
      return `${parsed.fields.birthDate} ${parsed.fields.expiryDate}`;
    };
    expect(line2('2512312', '3012310')).toBe('2025-12-31 2030-12-31');
    expect(line2('2601010', '4001019')).toBe('2026-01-01 2040-01-01');
    expect(line2('2601020', '4001019')).toBe('1926-01-02 2040-01-01');
    expect(line2('0002290', '9912314')).toBe('2000-02-29 2099-12-31');
  });

  it('parses a 2 × 44 booklet permit zone with a non-passport document code under the TD3 layout', () => {
    // Invented holder; the `mrz` package only takes `P…` on 2 × 44, the code is reported as printed.
    const lines = td3Lines({
      documentCode: 'CW',
      issuingState: 'CHN',
      surname: 'WANG',
      givenNames: 'FANG',
      documentNumber: 'W12345678',
      nationality: 'CHN',
      birthDate: '900101',
      sex: 'F',
      expiryDate: '300101',
    });
    expect(lines).toEqual([
      'CWCHNWANG<<FANG<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
      'W123456788CHN9001011F3001019<<<<<<<<<<<<<<<0',
    ]);
    const r = parseMrz(lines, REFERENCE);
    expect(r.format).toBe('TD3');
    expect(r.fields).toMatchObject({
      documentCode: 'CW',
      documentNumber: 'W12345678',
      surname: 'WANG',
      givenNames: 'FANG',
    });
    expect(r.valid).toBe(true);
  });

  it('throws for lines of no machine-readable format', () => {
    expect(() => parseMrz(['P<UTO', 'L898'])).toThrow('not a machine-readable zone');
  });
});

describe(detectMrzFormat.name, () => {
  it('tells formats apart by line count, length and document code', () => {
    expect(detectMrzFormat(TD3)).toBe('TD3');
    expect(detectMrzFormat(MRV_A)).toBe('MRV-A');
    expect(detectMrzFormat(TD2)).toBe('TD2');
    expect(detectMrzFormat(MRV_B)).toBe('MRV-B');
    expect(detectMrzFormat(TD1)).toBe('TD1');
    expect(detectMrzFormat(['CSC012345672<3405053<9502127<4'])).toBe('CN-CS');
    expect(detectMrzFormat([TD3[0], TD2[1]])).toBeUndefined();
  });
});
