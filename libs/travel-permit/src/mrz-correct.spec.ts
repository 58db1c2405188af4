import { correctMrz } from './mrz-correct';
import { fitLength, fixFillerRuns, normalizeMrzText } from './mrz-text';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe(correctMrz.name, () => {
  it('reads digits in dates and check digits, letters in codes and names', () => {
    const read = ['P<UT0ERIKSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<', 'L898902C36UT07408I22F12O4IS9ZE184226B<<<<<1O'];
    expect(correctMrz('TD3', read)).toEqual({
      lines: TD3,
      checks: [
        { name: 'documentNumber', valid: true },
        { name: 'birthDate', valid: true },
        { name: 'expiryDate', valid: true },
        { name: 'personalNumber', valid: true },
        { name: 'composite', valid: true },
      ],
    });
  });

  it('lets the check digit decide a look-alike in a document number', () => {
    // O/0 in an alphanumeric field: only the check digit can tell.
    const read = [TD3[0], 'L8989O2C36UTO7408122F1204159ZE184226B<<<<<10'];
    expect(correctMrz('TD3', read).lines).toEqual(TD3);
  });

  it('leaves a reading alone when several look-alike readings pass the check digit', () => {
    // Z/2 in the personal number: more than one look-alike change makes the check digit pass, so nothing is guessed.
    const read = [TD3[0], 'L898902C36UTO7408122F1204159ZE184Z26B<<<<<10'];
    const result = correctMrz('TD3', read);
    expect(result.lines[1]).toBe(read[1]);
    expect(result.checks).toContainEqual({ name: 'personalNumber', valid: false });
  });

  it('turns letters read for fillers back into fillers', () => {
    const read = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<K<<<<<X<<<<<<S', 'L898902C36UTO7408122F1204159ZE184226B<<K<<10'];
    expect(correctMrz('TD3', read).lines).toEqual(TD3);
  });

  it('keeps a code of digits as printed (a national specimen prints digits in the nationality field)', () => {
    const rou = ['IDROUSAVA<<SUPERMAN<<<<<<<<<<<<<<<<<', 'HD198025<51328505095M130509012049941'];
    expect(correctMrz('TD2', rou).lines).toEqual(rou);
    expect(correctMrz('TD2', rou).checks.every((c) => c.valid)).toBe(true);
  });

  it('corrects state codes that are no ICAO 9303-3 code by the one code a look-alike away, and says which', () => {
    const read = ['P<OHNERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36OHE7408122F1204159ZE184226B<<<<<10'];
    expect(correctMrz('TD3', read)).toMatchObject({
      lines: ['P<CHNERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36CHE7408122F1204159ZE184226B<<<<<10'],
      correctedCodes: ['issuingState', 'nationality'],
    });
    // A listed code stays, and a reading two codes are a look-alike away (COM, DOM) is not guessed.
    const td1 = ['I<D<<D23145890<7349<<<<<<<<<<<', '3407127M9507122OOM<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'];
    expect(correctMrz('TD1', td1)).toEqual({ lines: td1, checks: expect.any(Array) });
  });

  it('corrects a long TD1 document number through its continuation', () => {
    const read = ['I<UTOD2314589O<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'];
    const result = correctMrz('TD1', read);
    expect(result.lines[0]).toBe('I<UTOD23145890<7349<<<<<<<<<<<');
    expect(result.checks.every((c) => c.valid)).toBe(true);
  });
});

describe(normalizeMrzText.name, () => {
  it('drops spaces and reads filler glyphs as <', () => {
    expect(normalizeMrzText('P<UTO ERIKSSON«<ANNA(MARIA‹<c')).toBe('P<UTOERIKSSON<<ANNA<MARIA<<<');
    expect(normalizeMrzText('ｌ８９８ ×ｙ')).toBe('L898XY');
    expect(normalizeMrzText('88θ/168')).toBe('8807168');
  });
});

describe(fitLength.name, () => {
  it('lengthens or shortens the longest filler run', () => {
    expect(fitLength('P<UTOERIKSSON<<ANNA<<<<', 26)).toBe('P<UTOERIKSSON<<ANNA<<<<<<<');
    expect(fitLength('AB<<<<<<CD<<', 9)).toBe('AB<<<CD<<');
    expect(fitLength('ABCDEF', 8)).toBe('ABCDEF<<');
  });
});

describe(fixFillerRuns.name, () => {
  it('replaces K, S, X, C, E, L between fillers after the last word only', () => {
    expect(fixFillerRuns('JONES<<K<<<X')).toBe('JONES<<<<<<<');
    expect(fixFillerRuns('ANNA<S<<')).toBe('ANNA<<<<');
    expect(fixFillerRuns('JONES<<ALEX')).toBe('JONES<<ALEX');
  });
});
