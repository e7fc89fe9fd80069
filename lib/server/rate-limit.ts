// Fixed-window failure counter for login attempts. In memory, per web instance: with N instances an
// attacker gets N× the budget, which is still bounded; a shared store can replace this map later.
export class FailureLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly max: number, private readonly windowMs: number) {}

  /** Milliseconds until the key may try again; 0 when allowed. */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.max ? entry.resetAt - now : 0;
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
    else entry.count++;
    if (this.hits.size > 10_000) this.sweep(now);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number) {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}

const globalForLimiter = globalThis as unknown as { vigilLoginLimiter?: FailureLimiter };
/** 10 failed logins per email+address in 15 minutes. */
export const loginLimiter = (globalForLimiter.vigilLoginLimiter ??= new FailureLimiter(10, 15 * 60_000));
