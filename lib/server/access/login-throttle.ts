// Password-login throttling with three limits:
// - per account + address: 5 free failures, then exponential backoff (1 s doubling to 15 min);
// - per address across accounts: 50 failures per 15 min, then 429 (stops spraying one password over many accounts);
// - per account across addresses: slows every attempt (up to 3 s) instead of locking, and refuses only at a rate
//   no person reaches, so someone guessing from elsewhere cannot lock the owner out.
// State lives in memory, per web process (N processes give an attacker N× the budget, still bounded); each map is
// capped so a flood of new names or addresses cannot grow it without limit.
import { CLIENT_IP_HEADER } from '../platform/client-address';

export interface ThrottleLimits {
  freeFailures: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  pairForgetMs: number;
  addressFailures: number;
  addressWindowMs: number;
  accountSlowAfter: number;
  accountSlowStepMs: number;
  accountMaxDelayMs: number;
  accountWindowMs: number;
  accountRefuseFailures: number;
  accountRefuseWindowMs: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  freeFailures: 5,
  baseBackoffMs: 1_000,
  maxBackoffMs: 15 * 60_000,
  pairForgetMs: 60 * 60_000,
  addressFailures: 50,
  addressWindowMs: 15 * 60_000,
  accountSlowAfter: 10,
  accountSlowStepMs: 250,
  accountMaxDelayMs: 3_000,
  accountWindowMs: 15 * 60_000,
  accountRefuseFailures: 120,
  accountRefuseWindowMs: 60_000,
  maxEntries: 20_000,
};

export type ThrottleDecision =
  | { allowed: true; delayMs: number }
  | { allowed: false; retryAfterMs: number; limit: 'account_address' | 'address' | 'account' };

interface Pair { failures: number; lastFailureAt: number }
interface Window { count: number; startedAt: number }

/** Insertion-ordered map that drops expired entries, then the oldest ones, when full. */
class BoundedMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number, private readonly expired: (value: V, now: number) => boolean) {}

  get(key: string, now: number): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined && this.expired(value, now)) {
      this.map.delete(key);
      return undefined;
    }
    return value;
  }

  set(key: string, value: V, now: number) {
    this.map.delete(key); // re-insert: most recently touched entries are evicted last
    if (this.map.size >= this.max) {
      for (const [k, v] of this.map) if (this.expired(v, now)) this.map.delete(k);
      for (const k of this.map.keys()) {
        if (this.map.size < this.max) break;
        this.map.delete(k);
      }
    }
    this.map.set(key, value);
  }

  delete(key: string) {
    this.map.delete(key);
  }

  get size() {
    return this.map.size;
  }
}

export class LoginThrottle {
  private readonly pairs: BoundedMap<Pair>;
  private readonly addresses: BoundedMap<Window>;
  private readonly accounts: BoundedMap<Window>;
  private readonly accountBursts: BoundedMap<Window>;

  constructor(private readonly limits: ThrottleLimits = DEFAULT_LIMITS) {
    const { maxEntries } = limits;
    this.pairs = new BoundedMap(maxEntries, (p, now) => now >= p.lastFailureAt + this.backoffMs(p.failures) + limits.pairForgetMs);
    this.addresses = new BoundedMap(maxEntries, (w, now) => now >= w.startedAt + limits.addressWindowMs);
    this.accounts = new BoundedMap(maxEntries, (w, now) => now >= w.startedAt + limits.accountWindowMs);
    this.accountBursts = new BoundedMap(maxEntries, (w, now) => now >= w.startedAt + limits.accountRefuseWindowMs);
  }

  /**
   * Decides whether an attempt may proceed and, if so, counts it as a failure straight away, so parallel
   * guesses cannot all pass the check before the first one fails. `succeeded` takes a success back.
   */
  attempt(account: string, address: string, now = Date.now()): ThrottleDecision {
    const l = this.limits;
    const pairKey = `${account}\n${address}`;
    const pair = this.pairs.get(pairKey, now);
    if (pair) {
      const until = pair.lastFailureAt + this.backoffMs(pair.failures);
      if (until > now) return { allowed: false, retryAfterMs: until - now, limit: 'account_address' };
    }
    const byAddress = this.addresses.get(address, now);
    if (byAddress && byAddress.count >= l.addressFailures) {
      return { allowed: false, retryAfterMs: byAddress.startedAt + l.addressWindowMs - now, limit: 'address' };
    }
    const burst = this.accountBursts.get(account, now);
    if (burst && burst.count >= l.accountRefuseFailures) {
      return { allowed: false, retryAfterMs: burst.startedAt + l.accountRefuseWindowMs - now, limit: 'account' };
    }
    const byAccount = this.accounts.get(account, now);
    const over = (byAccount?.count ?? 0) - l.accountSlowAfter;
    const delayMs = over > 0 ? Math.min(l.accountMaxDelayMs, over * l.accountSlowStepMs) : 0;

    this.pairs.set(pairKey, { failures: (pair?.failures ?? 0) + 1, lastFailureAt: now }, now);
    this.count(this.addresses, address, byAddress, now);
    this.count(this.accounts, account, byAccount, now);
    this.count(this.accountBursts, account, burst, now);
    return { allowed: true, delayMs };
  }

  /** The password was right: forget this pair's failures and take back the attempt counted in advance. */
  succeeded(account: string, address: string, now = Date.now()) {
    this.pairs.delete(`${account}\n${address}`);
    for (const [map, key] of [[this.addresses, address], [this.accounts, account], [this.accountBursts, account]] as const) {
      const window = map.get(key, now);
      if (window && window.count > 0) window.count--;
    }
  }

  /** Backoff after `failures` failures: none while free, then 1 s, 2 s, 4 s … up to the cap. */
  backoffMs(failures: number): number {
    const l = this.limits;
    if (failures < l.freeFailures) return 0;
    return Math.min(l.maxBackoffMs, l.baseBackoffMs * 2 ** Math.min(30, failures - l.freeFailures));
  }

  /** Entries held, for tests of the memory bound. */
  get size() {
    return { pairs: this.pairs.size, addresses: this.addresses.size, accounts: this.accounts.size };
  }

  private count(map: BoundedMap<Window>, key: string, current: Window | undefined, now: number) {
    if (current) current.count++;
    else map.set(key, { count: 1, startedAt: now }, now);
  }
}

/**
 * The client address Vigil's web server put in x-vigil-client-ip (it drops any value a client sent).
 * X-Forwarded-For and X-Real-IP are never read here: only the web server knows which proxies to believe.
 */
export function requestAddress(headers: Headers | Record<string, unknown> | undefined): string {
  const raw = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers?.[CLIENT_IP_HEADER];
  const value = typeof raw === 'string' ? raw.trim() : '';
  // Plain `next start` sets nothing: every client then shares one key.
  return value && value.length <= 64 ? value : 'unknown';
}

export const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 320);

const globalForThrottle = globalThis as unknown as { vigilLoginThrottle?: LoginThrottle };
export const loginThrottle = (globalForThrottle.vigilLoginThrottle ??= new LoginThrottle());
