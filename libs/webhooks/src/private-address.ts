import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a webhook may not target unless `WEBHOOK_ALLOW_PRIVATE=true` (server-side request forgery): this
 * host, private networks, carrier-grade NAT, link-local (cloud metadata at 169.254.169.254 and fd00:ec2::254
 * included), benchmarking, documentation, multicast and reserved ranges (IANA special-purpose registries).
 */
const V4_RANGES: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const V6_RANGES: ReadonlyArray<[string, number]> = [
  // Unspecified, loopback and the deprecated IPv4-compatible block (::a.b.c.d, RFC 4291 §2.5.5.1) in one.
  ['::', 96],
  // Transition forms that tunnel to an IPv4 address chosen by the sender: 6to4 (RFC 3056) and Teredo (RFC 4380).
  ['2002::', 16],
  ['2001::', 32],
  // NAT64 reaches IPv4 through a translator: dotted forms are judged by their IPv4 address (below), others refused.
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

const BLOCKED = new BlockList();
for (const [address, bits] of V4_RANGES) BLOCKED.addSubnet(address, bits, 'ipv4');
for (const [address, bits] of V6_RANGES) BLOCKED.addSubnet(address, bits, 'ipv6');

/** IPv6 forms that embed an IPv4 address: mapped (`::ffff:a.b.c.d`) and NAT64 (`64:ff9b::a.b.c.d`). */
const EMBEDDED_V4 = /^(?:::ffff:|64:ff9b::)(?:0:)?(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * Whether `ip` (IPv4 or IPv6 text) is in a refused range; an IPv6 address embedding an IPv4 one is judged by the
 * IPv4 address. Anything that is not an IP address counts as refused (fail closed).
 */
export function isPrivateAddress(ip: string): boolean {
  const address = ip.trim().replace(/^\[|\]$/g, '');
  const embedded = EMBEDDED_V4.exec(address)?.[1];
  if (embedded !== undefined) return isPrivateAddress(embedded);
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && /^::ffff:/i.test(address)) return true; // mapped in hex form: refuse rather than decode
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
