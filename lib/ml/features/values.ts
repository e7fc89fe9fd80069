// Coercion of raw cell values (CSV strings, JSON numbers, nulls) shared by the featurisers.

export type Row = Record<string, unknown>;

export function toStr(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

/** Number, or NaN for blanks and unparseable text (NaN is "missing" in a FeatureMatrix). */
export function toNum(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = toStr(v);
  if (s === '') return NaN;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/** Epoch seconds from 'YYYY-MM-DD[ T]HH:MM[:SS][Z]' (naive times read as UTC) or a number. */
export function toEpochSeconds(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = toStr(v);
  if (!s) return NaN;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', se = '0', tz] = m;
    let t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +se) / 1000;
    if (tz && tz !== 'Z') {
      const sign = tz[0] === '-' ? -1 : 1, digits = tz.slice(1).replace(':', '');
      t -= sign * (+digits.slice(0, 2) * 3600 + +digits.slice(2) * 60);
    }
    return t;
  }
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

/**
 * Epoch seconds of an event time: ISO 8601, epoch seconds or epoch milliseconds. A number above 1e11
 * in magnitude is read as milliseconds (1e11 s is the year 5138; 1e11 ms is March 1973).
 */
export function toEventSeconds(v: unknown): number {
  const t = toEpochSeconds(v);
  return Math.abs(t) > 1e11 ? t / 1000 : t;
}

/**
 * Label cell → 0/1, or null when unknown. BLOCKED maps to null: a transaction stopped by an earlier
 * rule never showed whether it was fraud, and training on it would teach the old rule back.
 */
export function parseLabel(value: unknown): 0 | 1 | null {
  const s = toStr(value).toLowerCase();
  if (['1', '1.0', 'true', 't', 'yes', 'y', 'fraud', 'fraudulent', 'fake', 'bot', 'positive'].includes(s)) return 1;
  if (['0', '0.0', 'false', 'f', 'no', 'n', 'legit', 'legitimate', 'genuine', 'real', 'negative', 'ok'].includes(s)) return 0;
  return null;
}
