// The one place for display formatting: dates, money, counts, durations, scores and metrics.
// Pure (no react, no 'use client') so server pages, client components and lib/server share it.
// Dates are always UTC so server-rendered text never mismatches the browser on hydration.

const DASH = '–';

type DateInput = string | number | Date | null | undefined;

function toDate(d: DateInput): Date | null {
  if (d === null || d === undefined || d === '') return null;
  const date = d instanceof Date ? d : new Date(d);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026-12-03 14:05 UTC`. */
export function formatDateTime(d: DateInput): string {
  const date = toDate(d);
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : DASH;
}

/** `2026-12-03` (the UTC day). */
export function formatDate(d: DateInput): string {
  const date = toDate(d);
  return date ? date.toISOString().slice(0, 10) : DASH;
}

/** `12-03` for chart axes; label the axis "UTC" where it is used. Accepts a `YYYY-MM-DD` day too. */
export function formatMonthDay(d: DateInput): string {
  const day = formatDate(d);
  return day === DASH ? DASH : day.slice(5);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat | null {
  let f = moneyFormats.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      return null; // not an ISO 4217 code
    }
    moneyFormats.set(currency, f);
  }
  return f;
}

/** `$1,234.56`; another currency keeps the same grouping (`€1,234.56`, or `XYZ 1,234.56` for an unknown code). */
export function formatMoney(v: number | null | undefined, currency = 'USD'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const f = moneyFormat(currency.toUpperCase());
  return f ? f.format(v) : `${currency} ${formatNumber(v, 2)}`;
}

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `12,345`. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? DASH : countFormat.format(n);
}

function formatNumber(v: number, digits: number): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A fraction as a percentage: `formatPercent(0.0909)` → `9.1%`. */
export function formatPercent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? DASH : `${(100 * x).toFixed(digits)}%`;
}

/** A model metric or probability with fixed digits: `0.912`. */
export function formatMetric(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : v.toFixed(digits);
}

/** The 0–99 score convention: floor, never shows 100% (a model is never certain). */
export function formatScore(p: number | null | undefined): string {
  return p === null || p === undefined || !Number.isFinite(p) ? DASH : `${Math.max(0, Math.min(99, Math.floor(p * 100)))}%`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `450 ms`, `4.2 s`, `15 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad2(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${pad2(Math.floor((s % 3600) / 60))} min`;
}

/** "3 min ago" style, relative to `now` so tests are deterministic. */
export function formatAgo(d: DateInput, now: Date = new Date()): string {
  const date = toDate(d);
  if (!date) return DASH;
  const s = Math.round((now.getTime() - date.getTime()) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

function formatAny(v: unknown, significant: number): string {
  if (v === null || v === undefined || v === '') return DASH;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(significant)));
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A training parameter without float noise: `0.1 + 0.2` → `0.3`. */
export function formatParam(v: unknown): string {
  return formatAny(v, 6);
}

/** A payload value as text for tables and definition lists (more digits than a parameter: amounts and ids). */
export function formatValue(v: unknown): string {
  return formatAny(v, 8);
}
