/**
 * The login IP allow-list (A1): single addresses and CIDR ranges, IPv4 and
 * IPv6, checked with `node:net`'s BlockList. An empty list allows every IP.
 */
import { BlockList, isIP } from 'node:net';

/** A parsed allow-list; build it once per settings change with {@link parseIpAllowList}. */
export interface IpAllowList {
  /** Whether the address is allowed. An unparseable address is not. */
  allows(ip: string): boolean;
}

/** The result of parsing an allow-list: the list, and the entries that were not addresses or ranges. */
export interface ParsedIpAllowList {
  readonly list: IpAllowList;
  readonly invalid: readonly string[];
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is the IPv4 address it wraps. */
export function normaliseIp(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

function addEntry(blocks: BlockList, entry: string): boolean {
  const [address, prefix, extra] = entry.trim().split('/');
  if (!address || extra !== undefined) return false;
  const ip = normaliseIp(address);
  const family = isIP(ip);
  if (family === 0) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) {
    blocks.addAddress(ip, type);
    return true;
  }
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  if (bits > (family === 4 ? 32 : 128)) return false;
  blocks.addSubnet(ip, bits, type);
  return true;
}

/** Parses entries such as `203.0.113.7`, `10.0.0.0/8`, `2001:db8::/32`. Invalid ones are reported and left out. */
export function parseIpAllowList(entries: readonly string[]): ParsedIpAllowList {
  const blocks = new BlockList();
  const invalid: string[] = [];
  let valid = 0;
  for (const entry of entries) {
    if (addEntry(blocks, entry)) valid++;
    else invalid.push(entry);
  }
  // A list whose every entry was invalid must not turn into "allow all".
  const open = entries.length === 0;
  return {
    invalid,
    list: {
      allows(raw) {
        if (open) return true;
        if (valid === 0) return false;
        const ip = normaliseIp(raw);
        const family = isIP(ip);
        if (family === 0) return false;
        return blocks.check(ip, family === 4 ? 'ipv4' : 'ipv6');
      },
    },
  };
}
