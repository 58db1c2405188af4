import { isAdminAuthorization } from './admin-token';

const TOKEN = 'a-long-admin-token-0123456789';

describe(isAdminAuthorization.name, () => {
  it('accepts exactly `Bearer <token>`, the scheme in any case', () => {
    expect(isAdminAuthorization(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isAdminAuthorization(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isAdminAuthorization([`Bearer ${TOKEN}`], TOKEN)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the bare token', TOKEN],
    ['another scheme', `Basic ${TOKEN}`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token with a suffix', `Bearer ${TOKEN}0`],
    ['two tokens', `Bearer ${TOKEN} ${TOKEN}`],
  ])('refuses %s', (_, header) => {
    expect(isAdminAuthorization(header, TOKEN)).toBe(false);
  });

  it('refuses everything when no admin token is configured', () => {
    expect(isAdminAuthorization('Bearer ', '')).toBe(false);
    expect(isAdminAuthorization('Bearer x', '')).toBe(false);
  });
});
