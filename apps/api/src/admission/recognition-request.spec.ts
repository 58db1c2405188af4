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

  it('never keeps half of a surrogate pair: the cut leaves a split character out, a lone surrogate becomes U+FFFD', () => {
    const head = 'a'.repeat(MAX_USERID_LENGTH - 1);
    expect(normalizeUserid(`${head}\u{1F600}tail`)).toBe(head);
    expect(normalizeUserid(`${'a'.repeat(MAX_USERID_LENGTH - 2)}\u{1F600}tail`)).toBe(
      `${'a'.repeat(MAX_USERID_LENGTH - 2)}\u{1F600}`,
    );
    expect(normalizeUserid('a\uD800b')).toBe('a\uFFFDb');
    expect(normalizeUserid('\uDC00x\uD83D')).toBe('\uFFFDx\uFFFD');
    expect(normalizeUserid('客户-\u{20BB7}')).toBe('客户-\u{20BB7}');
  });

  it('is what both the sync and the async readers store', () => {
    const missing = { kind: 'missing' } as const;
    expect(readRawRequest({ userid: 'a\u0000b' }, undefined, missing).userid).toBe('ab');
    expect(readRawRequest(undefined, { userid: '\u0000' }, missing).userid).toBeUndefined();
    expect(readAsyncRequest({ userid: 'a\u0000b' }, undefined, 'k').userid).toBe('ab');
  });
});
