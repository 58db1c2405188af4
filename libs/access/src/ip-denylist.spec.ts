import { isIpDenied, isValidDenylistEntry, normalizeIp } from './ip-denylist';

describe(isIpDenied.name, () => {
  it('matches single addresses and CIDR ranges of both families', () => {
    const list = ['198.51.100.7', '203.0.113.0/24', '2001:db8::/32'];
    expect(isIpDenied('198.51.100.7', list)).toBe(true);
    expect(isIpDenied('203.0.113.200', list)).toBe(true);
    expect(isIpDenied('2001:db8:1::5', list)).toBe(true);
    expect(isIpDenied('198.51.100.8', list)).toBe(false);
    expect(isIpDenied('2001:db9::1', list)).toBe(false);
  });

  it('treats IPv4-mapped IPv6 as the IPv4 address', () => {
    expect(normalizeIp('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(isIpDenied('::ffff:203.0.113.9', ['203.0.113.0/24'])).toBe(true);
  });

  it('ignores malformed entries and addresses', () => {
    expect(isIpDenied('10.0.0.1', ['10.0.0.0/99', 'nonsense'])).toBe(false);
    expect(isIpDenied('not-an-ip', ['10.0.0.0/8'])).toBe(false);
  });
});

describe(isValidDenylistEntry.name, () => {
  it('accepts addresses and ranges, refuses the rest', () => {
    expect(['10.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32'].map(isValidDenylistEntry)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.0/33', '10.0.0.1/8/1', 'example.com', ''].map(isValidDenylistEntry)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
