// What the aggregate reducer keeps per (entity, key): a few time buckets per window, plain JSON.
import type { AggregateWindow } from './definition';

export const WINDOW_SECONDS: Record<AggregateWindow, number> = { '10m': 600, '1h': 3600, '24h': 86400, '7d': 604800, '30d': 2592000 };
/** 10, 12, 24, 28 and 30 buckets per window: fine enough for velocity, small enough to store per key. */
export const BUCKET_SECONDS: Record<AggregateWindow, number> = { '10m': 60, '1h': 300, '24h': 3600, '7d': 21600, '30d': 86400 };
/**
 * Distinct values remembered per window and field: the 200 seen most recently. Bounds the state (a hot key
 * cannot grow it); a distinct count is exact up to 200 and reads 200 beyond ("very many").
 */
export const DISTINCT_CAP = 200;

export interface Bucket {
  /** Start in epoch seconds, a multiple of the window's bucket width. */
  t: number;
  /** Events in the bucket. */
  n: number;
  /** Per number field: [sum, count of present values, max]. */
  f?: Record<string, [number, number, number]>;
}

/** Plain JSON (no NaN, no Infinity): the server stores it as a Json column per (entity, key). */
export type EntityState = {
  v: 1;
  /** Events folded in, lifetime. */
  n: number;
  /** Latest event time seen (epoch seconds), for since_last. */
  last: number | null;
  /** Lifetime [sum, count of present values] per field, for ratio_to_mean without a window. */
  life?: Record<string, [number, number]>;
  /** Buckets per window, oldest first; only windows some aggregate of this entity uses. */
  w: Partial<Record<AggregateWindow, Bucket[]>>;
  /**
   * Per window and distinct field, flat pairs [hash, bucket start of its last sighting, …], at most
   * DISTINCT_CAP pairs. 32-bit hashes keep the size independent of the values' length (emails, user
   * agents); a collision among 200 values is about 1 in 200,000.
   */
  dv?: Partial<Record<AggregateWindow, Record<string, number[]>>>;
};

/** FNV-1a, 32 bits: stable across processes and versions (the state outlives them). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

export const emptyState = (): EntityState => ({ v: 1, n: 0, last: null, life: undefined, w: {}, dv: undefined });
