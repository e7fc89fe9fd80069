// Summary statistics per CSV column, accumulated one row at a time so an import never holds the whole file.
// Pure: no fs, no database. Values arrive as the strings csv-parse produced.

export type ColumnType = 'number' | 'string';

export interface HistogramBin { from: number; to: number; count: number }

export interface NumericStats {
  type: 'number';
  count: number;
  missing: number;
  min: number;
  max: number;
  mean: number;
  std: number;
  histogram: HistogramBin[];
  /** Values the histogram was drawn from, when fewer than `count` (reservoir sample of a huge column). */
  histogramSample?: number;
  /** Each value's count when there are at most LEVELS_MAX (a 0/1 label, a small code). */
  levels?: { value: string; count: number }[];
  /** Long digit strings (card numbers, account ids): identifiers, not quantities. */
  idLike?: boolean;
}

export interface StringStats {
  type: 'string';
  count: number;
  missing: number;
  distinct: number;
  /** True when `distinct` stopped at the cap: the column has at least that many values. */
  distinctCapped: boolean;
  top: { value: string; count: number }[];
  /** Almost every value distinct (ids, addresses, free text): nothing to chart. */
  idLike?: boolean;
}

export type ColumnStats = (NumericStats | StringStats) & { name: string };

export interface ColumnStatsOptions {
  bins?: number;
  topK?: number;
  distinctCap?: number;
  /** Numeric values kept per column for the histogram; beyond it a seeded reservoir sample. */
  sampleCap?: number;
}

const DEFAULTS = { bins: 20, topK: 10, distinctCap: 10_000, sampleCap: 1_000_000 };
const LEVELS_MAX = 20;
const LONG_DIGITS = /^\d{12,}$/;
/** A string column with at least this share of distinct values (and enough rows to tell) is an identifier. */
const ID_DISTINCT_SHARE = 0.95;
const ID_MIN_ROWS = 50;

export const isMissing = (v: string | undefined | null) => v == null || v.trim() === '';

/** Finite number or null. '' and partial numbers ('12abc') are not numbers. */
export function toNumber(v: string): number | null {
  const s = v.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

class ColumnAccumulator {
  count = 0;
  missing = 0;
  numeric = true;
  // Welford's running mean and variance: one pass, numerically stable.
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  private sample: number[] = [];
  private seen = 0;
  private rng = 0x9e3779b9;
  private values = new Map<string, number>();
  private capped = false;
  private allLongDigits = true;

  constructor(readonly name: string, private readonly opts: Required<ColumnStatsOptions>) {}

  add(raw: string | undefined) {
    this.count++;
    if (isMissing(raw)) { this.missing++; return; }
    const value = raw as string;
    this.countValue(value);
    if (this.allLongDigits && !LONG_DIGITS.test(value.trim())) this.allLongDigits = false;
    if (!this.numeric) return;
    const x = toNumber(value);
    if (x === null) { this.numeric = false; this.sample = []; return; }
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.keepSample(x);
  }

  private countValue(value: string) {
    const k = this.values.get(value);
    if (k !== undefined) this.values.set(value, k + 1);
    else if (this.values.size < this.opts.distinctCap) this.values.set(value, 1);
    else this.capped = true;
  }

  private keepSample(x: number) {
    this.seen++;
    if (this.sample.length < this.opts.sampleCap) { this.sample.push(x); return; }
    // xorshift32: deterministic reservoir sampling, same file → same stats.
    this.rng ^= this.rng << 13; this.rng ^= this.rng >>> 17; this.rng ^= this.rng << 5;
    const j = (this.rng >>> 0) % this.seen;
    if (j < this.opts.sampleCap) this.sample[j] = x;
  }

  finish(): ColumnStats {
    const present = this.count - this.missing;
    const ranked = () => [...this.values.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value, count]) => ({ value, count }));
    if (this.numeric && present > 0) {
      return {
        name: this.name, type: 'number', count: this.count, missing: this.missing,
        min: this.min, max: this.max, mean: this.mean, std: this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 0,
        histogram: histogram(this.sample, this.min, this.max, this.opts.bins),
        ...(this.seen > this.sample.length ? { histogramSample: this.sample.length } : {}),
        ...(!this.capped && this.values.size <= LEVELS_MAX ? { levels: ranked() } : {}),
        ...(this.allLongDigits ? { idLike: true } : {}),
      };
    }
    const top = ranked().slice(0, this.opts.topK);
    const idLike = present >= ID_MIN_ROWS && (this.capped || this.values.size >= ID_DISTINCT_SHARE * present);
    return { name: this.name, type: 'string', count: this.count, missing: this.missing, distinct: this.values.size, distinctCapped: this.capped, top, ...(idLike ? { idLike } : {}) };
  }
}

/** Equal-width bins over [min, max]; the last bin is closed so max lands in it. */
export function histogram(values: readonly number[], min: number, max: number, bins: number): HistogramBin[] {
  if (!values.length) return [];
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width)))]++;
  return counts.map((count, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count }));
}

export class ColumnStatsAccumulator {
  private readonly columns: ColumnAccumulator[];

  constructor(names: readonly string[], opts: ColumnStatsOptions = {}) {
    const o = { ...DEFAULTS, ...opts };
    this.columns = names.map((n) => new ColumnAccumulator(n, o));
  }

  /** One record, fields in header order. */
  add(fields: readonly (string | undefined)[]) {
    for (let i = 0; i < this.columns.length; i++) this.columns[i].add(fields[i]);
  }

  finish(): ColumnStats[] {
    return this.columns.map((c) => c.finish());
  }
}

export function columnStats(names: readonly string[], rows: readonly (readonly string[])[], opts?: ColumnStatsOptions): ColumnStats[] {
  const acc = new ColumnStatsAccumulator(names, opts);
  for (const r of rows) acc.add(r);
  return acc.finish();
}
