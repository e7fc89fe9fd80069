// The seeds' credential-less routes answer anonymous callers (VIGIL_COMPAT_AUTH=optional), but only with
// small requests at a bounded rate per client address, so nobody can tie up the web process for free.
// A caller with a token gets the route's normal limits.
import { CLIENT_IP_HEADER } from '../platform/client-address';
import { ApiError } from '../platform/http';
import type { Principal } from '../access/principal';

export const ANONYMOUS_LIMITS = { maxRecords: 100, maxBodyBytes: 64 * 1024, perMinute: 60 } as const;
const WINDOW_MS = 60_000;

/** Fixed one-minute windows per address; in memory, per web instance. */
class RequestWindow {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  /** Counts a request; returns seconds to wait when it is over the limit, else 0. */
  take(key: string, max: number, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.windows.size >= 50_000) this.sweep(now);
      w = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > max ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  private sweep(now: number) {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

const globalForLimits = globalThis as unknown as { vigilAnonymousWindow?: RequestWindow };
const anonymousWindow = (globalForLimits.vigilAnonymousWindow ??= new RequestWindow());

export interface CompatLimits { maxBodyBytes: number; maxRecords: number }

/**
 * The limits for this caller. Anonymous callers are counted against their address (the web server's
 * x-vigil-client-ip) and get 429 with Retry-After past the per-minute budget.
 */
export function compatLimits(req: Request, who: Principal | null, normal: CompatLimits): CompatLimits {
  if (who) return normal;
  const address = req.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
  const wait = anonymousWindow.take(address, ANONYMOUS_LIMITS.perMinute);
  if (wait > 0) {
    throw new ApiError(429, 'rate_limited', `Anonymous callers may send ${ANONYMOUS_LIMITS.perMinute} requests a minute; retry in ${wait} s or send an API token.`, undefined, { 'retry-after': String(wait) });
  }
  return { maxBodyBytes: Math.min(normal.maxBodyBytes, ANONYMOUS_LIMITS.maxBodyBytes), maxRecords: Math.min(normal.maxRecords, ANONYMOUS_LIMITS.maxRecords) };
}

/** 413 when a request carries more records than the caller's limit. */
export function checkRecordCount(count: number, limits: CompatLimits, what = 'records') {
  if (count > limits.maxRecords) {
    throw new ApiError(413, 'too_many_records', `This request has ${count} ${what}; the limit is ${limits.maxRecords}${limits.maxRecords === ANONYMOUS_LIMITS.maxRecords ? ' without an API token' : ''}.`);
  }
}
