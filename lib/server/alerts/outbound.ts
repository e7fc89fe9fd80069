// Outbound requests (webhooks) go only to public addresses. A URL is parsed (WHATWG URL normalises numeric
// host forms such as 2130706433 or 0x7f.1), its host resolved, and EVERY address checked; callers then
// connect to exactly those addresses, so a DNS answer that changes later cannot redirect the request.
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import type { DeliveryErrorCategory } from '@/lib/schemas/alerts';
import { envNow } from '../platform/env';

export const ALLOW_PRIVATE_SETTING = 'VIGIL_WEBHOOK_ALLOW_PRIVATE';

/** A refused or failed outbound request, with the category stored and shown instead of any detail. */
export class OutboundError extends Error {
  constructor(readonly category: DeliveryErrorCategory, message: string) {
    super(message);
  }
}

// Reachable only when VIGIL_WEBHOOK_ALLOW_PRIVATE=1 (on-premises receivers).
const PRIVATE: Record<string, string> = {
  loopback: 'a loopback address (127.0.0.0/8 or ::1)',
  private: 'a private address (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)',
  carrierGradeNat: 'a shared address (100.64.0.0/10)',
  uniqueLocal: 'a unique-local IPv6 address (fc00::/7)',
};
// Never reachable.
const ALWAYS: Record<string, string> = {
  unspecified: 'an unspecified address (0.0.0.0/8 or ::)',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (169.254.0.0/16 or fe80::/10, where cloud metadata services answer)',
  teredo: 'a Teredo tunnel address',
  rfc6052: 'a local-use NAT64 address',
};
// Cloud metadata services that sit in otherwise private ranges.
const METADATA = new Set(['fd00:ec2::254', '100.100.100.200']);

const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);

/** The IPv4 address an IPv6 address carries and reaches (mapped, translated, NAT64, 6to4, IPv4-compatible). */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts;
  const range = ip.range();
  if (range === 'ipv4Mapped') return ip.toIPv4Address();
  if (range === 'rfc6145') return v4(p[6], p[7]);
  if (range === 'rfc6052' && p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((x) => x === 0)) return v4(p[6], p[7]);
  if (range === '6to4') return v4(p[1], p[2]);
  if (range !== 'loopback' && range !== 'unspecified' && p.slice(0, 6).every((x) => x === 0)) return v4(p[6], p[7]);
  return null;
}

/** Why `address` may not be contacted (a phrase naming the rule), or null when it may. */
export function addressRule(address: string, allowPrivate: boolean): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    const inner = embeddedIPv4(ip as ipaddr.IPv6);
    if (inner) {
      const rule = addressRule(inner.toString(), allowPrivate);
      return rule && `${rule}, embedded in an IPv6 address`;
    }
  }
  const range = ip.range();
  if (METADATA.has(ip.toNormalizedString()) || METADATA.has(ip.toString())) return 'a cloud metadata address';
  if (range === 'unicast') return null;
  if (PRIVATE[range]) return allowPrivate ? null : PRIVATE[range];
  return ALWAYS[range] ?? `a special-purpose address (${range})`;
}

export const allowPrivateAddresses = () => envNow('VIGIL_WEBHOOK_ALLOW_PRIVATE') === '1';

export interface OutboundTarget {
  url: URL;
  /** Every address the host resolved to, all checked; connect only to these. */
  addresses: { address: string; family: 4 | 6 }[];
}

type Lookup = (host: string) => Promise<{ address: string; family: number }[]>;
const LOOKUP_TIMEOUT_MS = 5_000;
// getaddrinfo has no timeout of its own; a stalled resolver must not hold a request (or a worker) for long.
const systemLookup: Lookup = (host) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('DNS lookup timed out')), LOOKUP_TIMEOUT_MS); });
  return Promise.race([dns.promises.lookup(host, { all: true, verbatim: true }), timeout]).finally(() => clearTimeout(timer));
};

/** Parses, resolves and checks a URL; throws OutboundError (address_not_allowed or dns_failed) otherwise. */
export async function checkOutboundUrl(raw: string, lookup: Lookup = systemLookup): Promise<OutboundTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError('address_not_allowed', 'The URL cannot be parsed.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundError('address_not_allowed', 'Only http and https URLs are allowed.');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = net.isIP(host) !== 0;
  let found: { address: string; family: number }[];
  try {
    found = literal ? [{ address: host, family: net.isIP(host) }] : await lookup(host);
  } catch {
    found = [];
  }
  if (!found.length) throw new OutboundError('dns_failed', `The host name ${host.slice(0, 253)} cannot be resolved.`);
  const allowPrivate = allowPrivateAddresses();
  for (const { address } of found) {
    const rule = addressRule(address, allowPrivate);
    if (!rule) continue;
    const subject = literal ? `${host} is` : `${host.slice(0, 253)} resolves to`;
    const hint = Object.values(PRIVATE).includes(rule.replace(/, embedded in an IPv6 address$/, ''))
      ? `Set ${ALLOW_PRIVATE_SETTING}=1 to allow private addresses for on-premises receivers.`
      : `This is refused even with ${ALLOW_PRIVATE_SETTING}=1.`;
    throw new OutboundError('address_not_allowed', `Webhook URLs must point to a public address: ${subject} ${rule}. ${hint}`);
  }
  return { url, addresses: found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 })) };
}
