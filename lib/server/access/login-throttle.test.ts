import { describe, expect, it } from 'vitest';
import { requestAddress, DEFAULT_LIMITS, LoginThrottle } from './login-throttle';

const ALICE = 'alice@vigil.local';
const MIN = 60_000;

/** Fails `n` times from one address, waiting out each backoff on the fake clock; returns the new time. */
function failRepeatedly(t: LoginThrottle, account: string, address: string, n: number, start: number) {
  let now = start;
  for (let i = 0; i < n; i++) {
    let d = t.attempt(account, address, now);
    while (!d.allowed) {
      now += d.retryAfterMs;
      d = t.attempt(account, address, now);
    }
  }
  return now;
}

describe('LoginThrottle', () => {
  it('gives 5 free failures per account and address, then backs off exponentially up to 15 minutes', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 5; i++) expect(t.attempt(ALICE, '10.0.0.1', 0)).toMatchObject({ allowed: true });
    expect(t.attempt(ALICE, '10.0.0.1', 0)).toEqual({ allowed: false, retryAfterMs: 1_000, limit: 'account_address' });
    expect(t.attempt(ALICE, '10.0.0.1', 999).allowed).toBe(false);
    expect(t.attempt(ALICE, '10.0.0.1', 1_000).allowed).toBe(true); // 6th failure
    expect(t.attempt(ALICE, '10.0.0.1', 1_000)).toMatchObject({ allowed: false, retryAfterMs: 2_000 });
    expect([5, 6, 7, 8, 14, 15, 40].map((n) => t.backoffMs(n))).toEqual([1_000, 2_000, 4_000, 8_000, 512_000, 15 * MIN, 15 * MIN]);
  });

  it('a correct password clears the pair, and another address is never locked by someone else’s failures', () => {
    const t = new LoginThrottle();
    const now = failRepeatedly(t, ALICE, 'attacker', 20, 0);
    expect(t.attempt(ALICE, 'attacker', now).allowed).toBe(false);
    const owner = t.attempt(ALICE, 'owner', now);
    expect(owner.allowed).toBe(true);
    t.succeeded(ALICE, 'owner', now);

    for (let i = 0; i < 4; i++) t.attempt(ALICE, 'owner', now);
    t.succeeded(ALICE, 'owner', now);
    expect(t.attempt(ALICE, 'owner', now)).toMatchObject({ allowed: true }); // the four failures were forgotten
  });

  it('slows an account guessed from many addresses instead of locking it', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 20; i++) expect(t.attempt(ALICE, `10.0.1.${i}`, 0).allowed).toBe(true);
    const owner = t.attempt(ALICE, 'owner', 0);
    expect(owner).toEqual({ allowed: true, delayMs: 2_500 }); // (20 − 10) × 250 ms
    for (let i = 0; i < 60; i++) t.attempt(ALICE, `10.0.2.${i}`, 1);
    expect(t.attempt(ALICE, 'owner-2', 2)).toEqual({ allowed: true, delayMs: DEFAULT_LIMITS.accountMaxDelayMs });
    // Other accounts are not slowed.
    expect(t.attempt('bob@vigil.local', 'owner', 2)).toEqual({ allowed: true, delayMs: 0 });
  });

  it('refuses an account only at a rate no person reaches, and only briefly', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < DEFAULT_LIMITS.accountRefuseFailures; i++) t.attempt(ALICE, `10.1.${i >> 8}.${i & 255}`, 1_000);
    expect(t.attempt(ALICE, 'owner', 31_000)).toEqual({ allowed: false, retryAfterMs: 30_000, limit: 'account' });
    expect(t.attempt(ALICE, 'owner', 61_000)).toMatchObject({ allowed: true, delayMs: DEFAULT_LIMITS.accountMaxDelayMs });
  });

  it('caps failures per address across accounts (password spraying)', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 50; i++) expect(t.attempt(`user${i}@x.example`, '203.0.113.9', i * 1_000).allowed).toBe(true);
    expect(t.attempt('someone@x.example', '203.0.113.9', 50_000)).toEqual({ allowed: false, retryAfterMs: 15 * MIN - 50_000, limit: 'address' });
    expect(t.attempt('someone@x.example', '203.0.113.10', 50_000).allowed).toBe(true);
    expect(t.attempt('someone@x.example', '203.0.113.9', 15 * MIN).allowed).toBe(true);
  });

  it('forgets old failures and stays within its memory bound', () => {
    const t = new LoginThrottle({ ...DEFAULT_LIMITS, maxEntries: 100 });
    for (let i = 0; i < 4; i++) t.attempt(ALICE, 'a', 0);
    expect(t.attempt(ALICE, 'a', 0).allowed).toBe(true);
    expect(t.attempt(ALICE, 'a', 0).allowed).toBe(false);
    expect(t.attempt(ALICE, 'a', 2 * 60 * MIN)).toEqual({ allowed: true, delayMs: 0 }); // a fresh start after the forget period
    for (let i = 0; i < 10_000; i++) t.attempt(`u${i}@x.example`, `198.51.${i >> 8}.${i & 255}`, 3 * 60 * MIN);
    const size = t.size;
    expect(Math.max(size.pairs, size.addresses, size.accounts)).toBeLessThanOrEqual(100);
  });
});

describe('requestAddress', () => {
  it('reads only the address Vigil’s web server sets', () => {
    expect(requestAddress(new Headers({ 'x-vigil-client-ip': '192.0.2.7' }))).toBe('192.0.2.7');
    expect(requestAddress({ 'x-vigil-client-ip': '2001:db8::1' })).toBe('2001:db8::1');
    expect(requestAddress(new Headers({ 'x-forwarded-for': '192.0.2.8', 'x-real-ip': '192.0.2.9' }))).toBe('unknown');
    expect(requestAddress(undefined)).toBe('unknown');
    expect(requestAddress({ 'x-vigil-client-ip': 'x'.repeat(500) })).toBe('unknown');
  });
});
