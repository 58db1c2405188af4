import { BlockList, isIP } from 'node:net';

/**
 * An address as compared and counted: IPv4-mapped IPv6 (`::ffff:10.0.0.1`, what Node reports on dual-stack sockets)
 * becomes plain IPv4, so one client has one identity whatever socket it came through.
 */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

/**
 * Whether `ip` is in a key's deny list. Entries are single addresses or CIDR ranges (`203.0.113.0/24`,
 * `2001:db8::/32`); malformed entries match nothing (they are validated when a key is saved).
 */
export function isIpDenied(ip: string, denylist: readonly string[]): boolean {
  if (denylist.length === 0) return false;
  const address = normalizeIp(ip);
  const family = isIP(address);
  if (family === 0) return false;
  const list = new BlockList();
  for (const entry of denylist) addEntry(list, entry);
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether `entry` is an address or a CIDR range the deny list understands. */
export function isValidDenylistEntry(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

function addEntry(list: BlockList, entry: string): void {
  if (!isValidDenylistEntry(entry)) return;
  const [address, bits] = entry.split('/') as [string, string | undefined];
  const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) list.addAddress(address, type);
  else list.addSubnet(address, Number(bits), type);
}
