import { COMMON_LOOK_ALIKES, correctLookAlikes, lookAlikePairs, mergeLookAlikes } from './look-alike';

/** A toy identifier: 4 digits whose sum is a multiple of 10, to exercise the search itself. */
const sumsToTen = (s: string): boolean => /^\d{4}$/.test(s) && [...s].reduce((a, d) => a + Number(d), 0) % 10 === 0;

describe(correctLookAlikes.name, () => {
  it('returns a valid reading as it is', () => {
    expect(correctLookAlikes('1234', { alphabet: '0123456789', lookAlikes: {}, isValid: sumsToTen })).toEqual({
      value: '1234',
      reason: 'valid',
      positions: [],
    });
  });

  it('replaces characters outside the alphabet by their only look-alike', () => {
    const spec = { alphabet: '0123456789', lookAlikes: COMMON_LOOK_ALIKES, isValid: sumsToTen };
    expect(correctLookAlikes('I27O', spec)).toEqual({ value: '1270', reason: 'corrected', positions: [0, 3] });
  });

  it('changes an allowed character only when exactly one candidate passes', () => {
    const spec = { alphabet: '0123456789', lookAlikes: lookAlikePairs(['16', '38']), isValid: sumsToTen };
    // Σ 14; 1 → 6, 3 → 8 and 8 → 3 give 19, 19 and 9.
    expect(correctLookAlikes('1238', spec)).toEqual({ value: '1238', reason: 'invalid', positions: [] });
    // Σ 15; 6 → 1 gives 10 and 3 → 8 gives 20: two candidates.
    expect(correctLookAlikes('6234', spec)).toEqual({ value: '6234', reason: 'ambiguous', positions: [] });
    // Σ 15; only 6 → 1 is possible.
    expect(correctLookAlikes('6225', spec)).toEqual({ value: '1225', reason: 'corrected', positions: [0] });
  });

  it('makes no speculative change when maxSubstitutions is 0', () => {
    const spec = { alphabet: '0123456789', lookAlikes: lookAlikePairs(['16']), isValid: sumsToTen };
    expect(correctLookAlikes('6225', { ...spec, maxSubstitutions: 0 }).reason).toBe('invalid');
  });

  it('gives up as invalid when a character has no look-alike in its alphabet', () => {
    const spec = { alphabet: '0123456789', lookAlikes: COMMON_LOOK_ALIKES, isValid: sumsToTen };
    expect(correctLookAlikes('12#4', spec)).toEqual({ value: '12#4', reason: 'invalid', positions: [] });
  });

  it('uses a per-position alphabet', () => {
    const isValid = (s: string): boolean => /^[A-Z]\d{3}$/.test(s);
    const alphabet = (i: number): string => (i === 0 ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' : '0123456789');
    expect(correctLookAlikes('8B12', { alphabet, lookAlikes: COMMON_LOOK_ALIKES, isValid })).toEqual({
      value: 'B812',
      reason: 'corrected',
      positions: [0, 1],
    });
  });

  it('stops at maxCandidates and then never calls a candidate unique', () => {
    // 20 positions that must change, 2 options each: 2^20 candidates, of which 100 are tested.
    const reading = 'Q'.repeat(20);
    let calls = 0;
    const spec = (target: string) => ({
      alphabet: '0D',
      lookAlikes: { Q: '0D' },
      maxCandidates: 100,
      isValid: (s: string) => (calls++, s === target),
    });
    expect(correctLookAlikes(reading, spec('0'.repeat(20)))).toEqual({
      value: reading,
      reason: 'ambiguous',
      positions: [],
    });
    expect(calls).toBe(100);
    expect(correctLookAlikes(reading, spec('D'.repeat(20))).reason).toBe('invalid');
    expect(calls).toBe(200);
  });
});

describe(lookAlikePairs.name, () => {
  it('maps both ways and merges without repeating a character', () => {
    expect(lookAlikePairs(['O0', 'D0'])).toEqual({ O: '0', '0': 'OD', D: '0' });
    expect(mergeLookAlikes({ '0': 'O' }, { '0': 'OQ', X: '8' })).toEqual({ '0': 'OQ', X: '8' });
  });
});
