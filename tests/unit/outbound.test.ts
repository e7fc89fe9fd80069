// Webhook targets: every private, loopback, link-local and special form is refused, numeric host forms and
// IPv4 inside IPv6 included; VIGIL_WEBHOOK_ALLOW_PRIVATE opens private ranges but never metadata or link-local.
import { afterEach, describe, expect, it } from 'vitest';
import { addressRule, checkOutboundUrl, OutboundError } from '@/lib/server/alerts/outbound';
import { errorCategory, statusCategory } from '@/lib/server/alerts/pinned-post';

const refusal = async (url: string, lookup?: (host: string) => Promise<{ address: string; family: number }[]>) => {
  try {
    await checkOutboundUrl(url, lookup);
  } catch (err) {
    if (err instanceof OutboundError) return err;
    throw err;
  }
  return null;
};

afterEach(() => {
  delete process.env.VIGIL_WEBHOOK_ALLOW_PRIVATE;
});

describe('addressRule', () => {
  const refused: [string, RegExp][] = [
    ['127.0.0.1', /loopback/], ['127.255.0.9', /loopback/], ['::1', /loopback/],
    ['10.1.2.3', /private/], ['172.16.0.1', /private/], ['172.31.255.255', /private/], ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/], ['fe80::1', /link-local/], ['100.64.0.1', /shared/], ['100.127.255.255', /shared/],
    ['0.0.0.0', /unspecified/], ['0.1.2.3', /unspecified/], ['::', /unspecified/],
    ['224.0.0.1', /multicast/], ['ff02::1', /multicast/], ['255.255.255.255', /broadcast/],
    ['fc00::1', /unique-local/], ['fd12:3456::1', /unique-local/], ['fd00:ec2::254', /metadata/], ['100.100.100.200', /metadata/],
    ['::ffff:127.0.0.1', /loopback.*embedded in an IPv6/], ['::ffff:169.254.169.254', /link-local.*embedded/], ['::ffff:10.0.0.1', /private.*embedded/],
    ['::ffff:0:10.0.0.1', /private.*embedded/], ['64:ff9b::10.0.0.1', /private.*embedded/], ['64:ff9b::127.0.0.1', /loopback.*embedded/],
    ['64:ff9b:1::1', /NAT64/], ['2002:7f00:1::1', /loopback.*embedded/], ['::127.0.0.1', /loopback.*embedded/], ['2001:0:4136:e378::1', /Teredo/],
    ['192.0.2.1', /special-purpose/], ['198.18.0.1', /special-purpose/], ['240.0.0.1', /special-purpose/], ['fec0::1', /special-purpose/],
    ['not-an-ip', /not an IP/],
  ];
  for (const [address, rule] of refused) {
    it(`refuses ${address}`, () => expect(addressRule(address, false)).toMatch(rule));
  }

  it('allows public unicast addresses, IPv4 and IPv6, and public NAT64 / mapped forms', () => {
    for (const a of ['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '2002:0808:0808::1']) {
      expect(addressRule(a, false), a).toBeNull();
    }
  });

  it('with private addresses allowed: loopback, RFC 1918, CGNAT and ULA pass; metadata, link-local and unspecified do not', () => {
    for (const a of ['127.0.0.1', '::1', '10.0.0.1', '192.168.0.10', '100.64.1.1', 'fd12::1', '::ffff:127.0.0.1']) expect(addressRule(a, true), a).toBeNull();
    for (const a of ['169.254.169.254', 'fe80::1', 'fd00:ec2::254', '100.100.100.200', '0.0.0.0', '::', '224.0.0.1', '::ffff:169.254.169.254']) expect(addressRule(a, true), a).not.toBeNull();
  });
});

describe('checkOutboundUrl', () => {
  it('refuses every form from the report, numeric host forms included, naming the rule and the setting', async () => {
    const forms = ['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1:5432/', 'http://[::1]/', 'http://0.0.0.0/', 'http://localhost/',
      'http://2130706433/', 'http://[::ffff:127.0.0.1]/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://127.1/', 'https://[::ffff:7f00:1]/', 'http://0/'];
    for (const url of forms) {
      const err = await refusal(url);
      expect(err?.category, url).toBe('address_not_allowed');
      expect(err?.message, url).toMatch(/public address/);
      expect(err?.message, url).toMatch(/VIGIL_WEBHOOK_ALLOW_PRIVATE/);
    }
    expect((await refusal('http://127.0.0.1:5432/'))?.message).toMatch(/127\.0\.0\.1 is a loopback address.*Set VIGIL_WEBHOOK_ALLOW_PRIVATE=1/);
    expect((await refusal('http://169.254.169.254/'))?.message).toMatch(/refused even with VIGIL_WEBHOOK_ALLOW_PRIVATE=1/);
  });

  it('refuses a host when ANY of its addresses is not public', async () => {
    const lookup = async () => [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.5', family: 4 }];
    const err = await refusal('https://mixed.example/hook', lookup);
    expect(err).toMatchObject({ category: 'address_not_allowed' });
    expect(err?.message).toMatch(/mixed\.example resolves to a private address/);
    expect(err?.message).not.toContain('10.0.0.5');
  });

  it('returns the checked addresses to connect to, and reports names that do not resolve as dns_failed', async () => {
    const target = await checkOutboundUrl('https://receiver.example:8443/x?y=1', async () => [{ address: '93.184.215.14', family: 4 }, { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }]);
    expect(target.addresses).toEqual([{ address: '93.184.215.14', family: 4 }, { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }]);
    expect(target.url.href).toBe('https://receiver.example:8443/x?y=1');
    expect(await refusal('https://nowhere.invalid/', async () => { throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' }); })).toMatchObject({ category: 'dns_failed' });
    expect(await refusal('ftp://93.184.215.14/')).toMatchObject({ category: 'address_not_allowed' });
  });

  it('reads VIGIL_WEBHOOK_ALLOW_PRIVATE on every call', async () => {
    process.env.VIGIL_WEBHOOK_ALLOW_PRIVATE = '1';
    expect((await checkOutboundUrl('http://2130706433:8080/')).addresses).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect(await refusal('http://169.254.169.254/')).toMatchObject({ category: 'address_not_allowed' });
    process.env.VIGIL_WEBHOOK_ALLOW_PRIVATE = '0';
    expect(await refusal('http://2130706433:8080/')).toMatchObject({ category: 'address_not_allowed' });
  });
});

describe('delivery categories', () => {
  it('maps status codes and socket errors to categories, never to messages', () => {
    expect([200, 204, 301, 302, 307, 400, 404, 429, 500, 503].map(statusCategory)).toEqual([null, null, 'redirect_refused', 'redirect_refused', 'redirect_refused', 'http_4xx', 'http_4xx', 'http_4xx', 'http_5xx', 'http_5xx']);
    const e = (code: string, extra = {}) => Object.assign(new Error(`peer said: secret banner ${code}`), { code, ...extra });
    expect(errorCategory(e('ECONNREFUSED'))).toBe('connection_refused');
    expect(errorCategory(e('ENOTFOUND'))).toBe('dns_failed');
    expect(errorCategory(e('ETIMEDOUT'))).toBe('timeout');
    expect(errorCategory(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe('timeout');
    expect(errorCategory(e('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('tls_error');
    expect(errorCategory(e('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('tls_error');
    expect(errorCategory(e('ECONNRESET'))).toBe('connection_failed');
  });
});
