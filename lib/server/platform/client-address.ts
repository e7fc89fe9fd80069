// Who is on the other end of a request. The socket's peer, unless that peer is a reverse proxy the
// operator trusts (VIGIL_TRUSTED_PROXIES): then the rightmost X-Forwarded-For entry that is not itself
// a trusted proxy. Entries to the left of it were written by the client and prove nothing.
import ipaddr from 'ipaddr.js';

export const CLIENT_IP_HEADER = 'x-vigil-client-ip';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface TrustedProxies { ranges: Range[] }

/** "10.0.0.0/8, 127.0.0.1, ::1" → ranges; throws naming the entry that is neither an IP nor a CIDR. */
export function parseTrustedProxies(list: string): TrustedProxies {
  const ranges: Range[] = [];
  for (const entry of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new Error(`VIGIL_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
      const [addr, bits] = ipaddr.parseCIDR(entry);
      ranges.push([normalise(addr), addr.kind() === 'ipv6' && normalise(addr).kind() === 'ipv4' ? bits - 96 : bits]);
    } else {
      if (!ipaddr.isValid(entry)) throw new Error(`VIGIL_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
      const addr = normalise(ipaddr.parse(entry));
      ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    }
  }
  return { ranges };
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4, what a dual-stack socket reports) compares as IPv4. */
function normalise(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address() : addr;
}

function parseAddress(text: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!text) return null;
  let s = text.trim();
  // Proxies may write "[v6]:port" or "v4:port".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  s = s.replace(/%[\w.-]+$/, ''); // zone index
  return ipaddr.isValid(s) ? normalise(ipaddr.parse(s)) : null;
}

function isTrusted(addr: ipaddr.IPv4 | ipaddr.IPv6, trusted: TrustedProxies): boolean {
  return trusted.ranges.some(([range, bits]) => range.kind() === addr.kind() && addr.match(range, bits));
}

export interface ClientAddressInput {
  /** socket.remoteAddress */
  peer: string | undefined;
  /** Every X-Forwarded-For header value, in order (Node joins repeated headers with commas). */
  forwardedFor: string | string[] | undefined;
  trusted: TrustedProxies;
}

/** The client address as a normalised string; "unknown" only when the socket has no address. */
export function clientAddress({ peer, forwardedFor, trusted }: ClientAddressInput): string {
  const peerAddr = parseAddress(peer);
  if (!peerAddr) return 'unknown';
  if (!isTrusted(peerAddr, trusted)) return peerAddr.toString();
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',');
  let client = peerAddr;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseAddress(hops[i]);
    if (!hop) break; // garbage: stop believing the chain at the last address a trusted proxy vouched for
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client.toString();
}
