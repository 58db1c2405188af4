import { MAX_USERID_LENGTH, normalizeUserid, readRawRequest } from './recognition-request';
import { readAsyncRequest } from '../recognitions/async-recognition-request';

describe(normalizeUserid.name, () => {
  it('drops NUL characters and keeps every other character as sent', () => {
    expect(normalizeUserid('kyc\u0000-42\u0000')).toBe('kyc-42');
    expect(normalizeUserid('tab\there\u0001')).toBe('tab\there\u0001');
  });

  it('means "no userid" when nothing is left', () => {
    expect(normalizeUserid(undefined)).toBeUndefined();
    expect(normalizeUserid('')).toBeUndefined();
    expect(normalizeUserid('\u0000\u0000')).toBeUndefined();
  });

  it(`keeps at most ${MAX_USERID_LENGTH} characters, counted after the NULs are gone`, () => {
    expect(normalizeUserid('x'.repeat(300))).toBe('x'.repeat(MAX_USERID_LENGTH));
    expect(normalizeUserid(`${'\u0000'.repeat(10)}${'y'.repeat(MAX_USERID_LENGTH)}`)).toBe(
      'y'.repeat(MAX_USERID_LENGTH),
    );
  });

  it('is what both the sync and the async readers store', () => {
    const missing = { kind: 'missing' } as const;
    expect(readRawRequest({ userid: 'a\u0000b' }, undefined, missing).userid).toBe('ab');
    expect(readRawRequest(undefined, { userid: '\u0000' }, missing).userid).toBeUndefined();
    expect(readAsyncRequest({ userid: 'a\u0000b' }, undefined, 'k').userid).toBe('ab');
  });
});
