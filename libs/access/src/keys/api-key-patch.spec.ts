import { ApiKeyInputError } from '../api-key-input.error';
import { validatedPatch } from './api-key-patch';

describe(validatedPatch.name, () => {
  it('keeps only the fields given, normalised', () => {
    expect(validatedPatch({})).toEqual({});
    expect(
      validatedPatch({ name: ' shop ', allowedCardTypes: [3, 2, 3], ipDenylist: ['10.0.0.0/8', '10.0.0.0/8'] }),
    ).toEqual({ name: 'shop', allowedCardTypes: [2, 3], ipDenylist: ['10.0.0.0/8'] });
  });

  it('turns null into "no limit"', () => {
    expect(
      validatedPatch({ dailyQuota: null, totalQuota: null, expiresAt: null, allowedCardTypes: null, webhookUrl: null }),
    ).toEqual({ dailyQuota: null, totalQuota: null, expiresAt: null, allowedCardTypes: null, webhookUrl: null });
  });

  it.each([
    ['name', { name: '  ' }],
    ['dailyQuota', { dailyQuota: -1 }],
    ['totalQuota', { totalQuota: 1.5 }],
    ['expiresAt', { expiresAt: new Date('nope') }],
    ['cardType 8', { allowedCardTypes: [8] }],
    ['ipDenylist', { ipDenylist: ['999.1.1.1'] }],
    ['webhookUrl', { webhookUrl: 'javascript:alert(1)' }],
    ['name', { name: 'a\u0000b' }],
    ['webhookUrl', { webhookUrl: 'https://hooks.example.com/a\u0000b' }],
  ])('names %s when it is invalid', (field, input) => {
    expect(() => validatedPatch(input)).toThrow(ApiKeyInputError);
    expect(() => validatedPatch(input)).toThrow(field);
  });
});
