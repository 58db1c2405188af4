import { isPrivateAddress } from './private-address';
import { parseWebhookUrl } from './webhook-url.policy';
import { signWebhook } from './webhook-signature';

describe(isPrivateAddress.name, () => {
  it('refuses loopback, private, link-local, metadata and reserved addresses of both families', () => {
    const refused = [
      '127.0.0.1',
      '10.0.0.5',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::10.0.0.1',
      '::127.0.0.1',
      '::7f00:1',
      '2002:7f00:1::1',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2',
      'not-an-ip',
    ];
    expect(refused.filter((ip) => !isPrivateAddress(ip))).toEqual([]);
  });

  it('allows public addresses, IPv4-mapped ones included', () => {
    const allowed = ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.4.4', '64:ff9b::8.8.8.8'];
    expect(allowed.filter(isPrivateAddress)).toEqual([]);
  });
});

describe(parseWebhookUrl.name, () => {
  it('accepts http(s) URLs only, without credentials', () => {
    expect(parseWebhookUrl('https://hooks.example.com/zj?x=1').ok).toBe(true);
    expect(parseWebhookUrl('ftp://example.com/')).toEqual({ ok: false, problem: 'must be http or https' });
    expect(parseWebhookUrl('https://u:p@example.com/')).toEqual({ ok: false, problem: 'must not carry credentials' });
    expect(parseWebhookUrl('example.com/hook')).toEqual({ ok: false, problem: 'not a URL' });
  });

  it('refuses port 0, which no connection can reach (every delivery would fail)', () => {
    expect(parseWebhookUrl('http://93.184.216.34:0/hook')).toEqual({ ok: false, problem: 'port 0 cannot be called' });
    expect(parseWebhookUrl('https://hooks.example.com:00/')).toEqual({ ok: false, problem: 'port 0 cannot be called' });
    expect(parseWebhookUrl('https://hooks.example.com:8443/').ok).toBe(true);
  });
});

describe(signWebhook.name, () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>" under the secret', () => {
    // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook('whsec_test', 1700000000, '{"a":1}')).toBe(
      'v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });
});
