import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from '@/lib/server/platform/client-address';

const none = parseTrustedProxies('');
const proxies = parseTrustedProxies('10.0.0.0/8, 127.0.0.1, ::1, fd00::/8');

describe('client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ peer: '203.0.113.9', forwardedFor: '1.2.3.4', trusted: none })).toBe('203.0.113.9');
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '1.2.3.4, 5.6.7.8', trusted: none })).toBe('127.0.0.1');
  });

  it('normalises IPv4-mapped IPv6 peers from dual-stack sockets', () => {
    expect(clientAddress({ peer: '::ffff:203.0.113.9', forwardedFor: undefined, trusted: none })).toBe('203.0.113.9');
    expect(clientAddress({ peer: '::ffff:10.1.2.3', forwardedFor: '198.51.100.7', trusted: proxies })).toBe('198.51.100.7');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress({ peer: '198.51.100.20', forwardedFor: '1.2.3.4', trusted: proxies })).toBe('198.51.100.20');
  });

  it('takes the rightmost entry that is not itself a trusted proxy', () => {
    // The client wrote "6.6.6.6" itself; the edge proxy appended the real address 198.51.100.7.
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '6.6.6.6, 198.51.100.7, 10.0.0.1', trusted: proxies })).toBe('198.51.100.7');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: ['6.6.6.6', '198.51.100.7'], trusted: proxies })).toBe('198.51.100.7');
    expect(clientAddress({ peer: '::1', forwardedFor: '2001:db8::5', trusted: proxies })).toBe('2001:db8::5');
  });

  it('falls back to the last vouched-for hop when the chain is missing, all-proxy or garbage', () => {
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: undefined, trusted: proxies })).toBe('127.0.0.1');
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '10.0.0.9, 10.0.0.8', trusted: proxies })).toBe('10.0.0.9');
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '1.2.3.4, not-an-ip', trusted: proxies })).toBe('127.0.0.1');
  });

  it('accepts ports and brackets that proxies write', () => {
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '198.51.100.7:51234', trusted: proxies })).toBe('198.51.100.7');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '[2001:db8::5]:443', trusted: proxies })).toBe('2001:db8::5');
  });

  it('is "unknown" only without a socket address', () => {
    expect(clientAddress({ peer: undefined, forwardedFor: '1.2.3.4', trusted: proxies })).toBe('unknown');
  });

  it('refuses a malformed trusted-proxy list, naming the entry', () => {
    expect(() => parseTrustedProxies('10.0.0.0/8, proxy.internal')).toThrow(/"proxy.internal"/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10.0.0.0\/33/);
  });
});
