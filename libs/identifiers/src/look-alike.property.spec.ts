import { generators, seededRandom } from '../testing/generate';
import { cardNumber } from './card-number';
import { citizenId } from './citizen-id';
import { hkid } from './hkid';
import { icaoCheckDigit } from './icao-check-digit';
import { COMMON_LOOK_ALIKES, type Correction, type CorrectionReason } from './look-alike';
import { taiwanId } from './taiwan-id';
import { uscc } from './uscc';
import { vin } from './vin';

type Tally = Record<CorrectionReason, number>;

/**
 * Draws `count` valid values, misreads each at every position by every common look-alike of its character, and
 * checks that a correction never lands on another value. Returns the outcomes, whose exact counts (fixed seed)
 * record how often a single misreading is put right.
 */
function misread(
  generate: (random: () => number) => string,
  correct: (reading: string) => Correction,
  isValid: (value: string) => boolean,
  count = 150,
): { tally: Tally; wrong: string[] } {
  const random = seededRandom(11643);
  const tally: Tally = { valid: 0, corrected: 0, ambiguous: 0, invalid: 0 };
  const wrong: string[] = [];
  for (let n = 0; n < count; n++) {
    const value = generate(random);
    if (!isValid(value)) wrong.push(`generated ${value} is not valid`);
    for (let i = 0; i < value.length; i++) {
      for (const lookAlike of COMMON_LOOK_ALIKES[value[i]] ?? '') {
        const reading = value.slice(0, i) + lookAlike + value.slice(i + 1);
        const result = correct(reading);
        tally[result.reason]++;
        if (result.reason === 'corrected' && result.value !== value) wrong.push(`${reading} → ${result.value}`);
        if (result.reason !== 'corrected' && result.value !== reading)
          wrong.push(`${reading} changed to ${result.value}`);
        if (result.reason === 'valid' && !isValid(reading)) wrong.push(`${reading} called valid`);
      }
    }
  }
  return { tally, wrong };
}

describe('look-alike correction of generated values, one misread character each', () => {
  it.each([
    [
      'citizenId',
      generators.citizenId,
      citizenId.correct,
      citizenId.isValid,
      { valid: 0, corrected: 2892, ambiguous: 0, invalid: 0 },
    ],
    ['uscc', generators.uscc, uscc.correct, uscc.isValid, { valid: 0, corrected: 1440, ambiguous: 22, invalid: 0 }],
    [
      'vin',
      generators.vin,
      (r: string) => vin.correct(r),
      (v: string) => vin.isValid(v),
      { valid: 0, corrected: 1086, ambiguous: 146, invalid: 0 },
    ],
    [
      'cardNumber',
      generators.cardNumber,
      cardNumber.correct,
      cardNumber.isValid,
      { valid: 0, corrected: 2168, ambiguous: 0, invalid: 0 },
    ],
    [
      'ICAO document number',
      generators.icaoDocumentNumber,
      (r: string) => icaoCheckDigit.correctField(r, 'alphanumeric'),
      (v: string) => icaoCheckDigit.isValidField(v.slice(0, -1), v.slice(-1)),
      // `valid`: G read for 6 or 6 for G, which the 7-3-1 check cannot see; the reading is reported, not changed.
      { valid: 78, corrected: 425, ambiguous: 199, invalid: 0 },
    ],
    [
      'ICAO date',
      generators.icaoDate,
      (r: string) => icaoCheckDigit.correctField(r, 'numeric'),
      (v: string) => /^\d+$/.test(v) && icaoCheckDigit.isValidField(v.slice(0, -1), v.slice(-1)),
      { valid: 0, corrected: 793, ambiguous: 0, invalid: 0 },
    ],
    ['hkid', generators.hkid, hkid.correct, hkid.isValid, { valid: 0, corrected: 795, ambiguous: 18, invalid: 0 }],
    [
      'taiwanId',
      generators.taiwanId,
      taiwanId.correct,
      taiwanId.isValid,
      { valid: 0, corrected: 1058, ambiguous: 15, invalid: 0 },
    ],
  ] as const)('%s: corrected back, or left as read', (_name, generate, correct, isValid, expected) => {
    const { tally, wrong } = misread(generate, correct, isValid);
    expect(wrong).toEqual([]);
    expect(tally).toEqual(expected);
  });
});
