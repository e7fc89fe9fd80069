// Drift statistics: pure functions over plain arrays (no framework, no database).
//
// The rule (Evidently's defaults, made exact):
// - a feature WARNS at PSI ≥ psiWarn (0.1) and DRIFTS at PSI ≥ psiAlert (0.25);
// - driftedShare = drifted features / monitored features;
// - the window is ALERT when driftedShare ≥ driftShare (0.5) or the score PSI ≥ psiAlert,
//   WARN when any feature (or the score) is at least at psiWarn, OK otherwise;
// - each PSI is judged above its sampling noise (psiNoise): n rows drawn from the baseline itself show a PSI
//   of about (buckets − 1) / n, 0.11 for 10 deciles and 80 rows, so a small window must move further.

import { jensenShannon, ksFromShares, normalise } from './distances';

export { jensenShannon, ksFromShares, ksStatistic, normalise } from './distances';

export type DriftStatus = 'ok' | 'warn' | 'alert';

export interface DriftThresholds { psiWarn: number; psiAlert: number; driftShare: number }
export const DEFAULT_THRESHOLDS: DriftThresholds = { psiWarn: 0.1, psiAlert: 0.25, driftShare: 0.5 };

/** Number of equal-width score bins over [0, 1], as in the training baseline. */
export const SCORE_BINS = 20;

/**
 * Population stability index: Σ (c − b) · ln(c / b), shares clipped at eps so empty bins stay finite.
 * Inputs are shares (each summing to about 1) of the same bins.
 */
export function psi(baselineShares: readonly number[], currentShares: readonly number[], eps = 1e-4): number {
  if (baselineShares.length !== currentShares.length) throw new RangeError('psi: share arrays differ in length');
  let sum = 0;
  for (let i = 0; i < baselineShares.length; i++) {
    const b = Math.max(baselineShares[i], eps);
    const c = Math.max(currentShares[i], eps);
    sum += (c - b) * Math.log(c / b);
  }
  return sum;
}

/**
 * The bin of v on the baseline's edges, with the baseline's convention: bin k holds (edges[k−1], edges[k]],
 * the last bin holds everything above the last edge. Binary search: edges are sorted and distinct.
 */
export function binIndex(v: number, edges: readonly number[]): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v > edges[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const isMissing = (v: unknown): boolean => typeof v !== 'number' || !Number.isFinite(v);

/** Streaming bin counter: add values one at a time, no arrays of values kept. */
export class BinCounter {
  readonly counts: number[];
  missing = 0;
  total = 0;
  constructor(readonly edges: readonly number[]) {
    this.counts = new Array<number>(edges.length + 1).fill(0);
  }
  add(v: unknown): void {
    this.total++;
    if (isMissing(v)) this.missing++;
    else this.counts[binIndex(v as number, this.edges)]++;
  }
}

/** Shares of the present values per baseline bin, and the share of missing values among all values. */
export function binShares(values: Iterable<number | null | undefined>, edges: readonly number[]): { shares: number[]; missing: number; count: number } {
  const c = new BinCounter(edges);
  for (const v of values) c.add(v);
  return countsToShares(c);
}

export function countsToShares(c: { counts: readonly number[]; missing: number; total: number }): { shares: number[]; missing: number; count: number } {
  const present = c.total - c.missing;
  return { shares: c.counts.map((k) => (present ? k / present : 0)), missing: c.total ? c.missing / c.total : 0, count: c.total };
}

/** A score bin group holds at least this share of the baseline (see scorePsi). */
export const SCORE_GROUP_SHARE = 0.05;

/**
 * PSI of the score histograms (counts on the same equal-width bins) after merging adjacent bins, low to high,
 * until each group holds SCORE_GROUP_SHARE of the baseline; what is left above the last group is a group of its
 * own (the high scores are where fraud shows: merged into the bulk, a model with 99% of its scores in the lowest
 * bin would never drift). Why merge: a fraud model puts most scores in the lowest bins, and the sparse upper
 * bins (0.1% each) turn the sampling noise of a few hundred rows into PSI 0.2–0.3 on stationary traffic.
 */
export function scorePsi(baseline: readonly number[], current: readonly number[], minShare = SCORE_GROUP_SHARE): number {
  return scoreDrift(baseline, current, minShare).psi;
}

/**
 * scorePsi with its sampling noise (psiNoise over the groups). The window's group shares are smoothed by half
 * a row each (Jeffreys): an empty group of 80 rows is "under 1 in 160", not 1 in 10,000, whose log would make
 * a quiet day of a model with 7% of its scores at the top read as PSI 0.49.
 */
export function scoreDrift(baseline: readonly number[], current: readonly number[], minShare = SCORE_GROUP_SHARE): { psi: number; noise: number } {
  const b = normalise(baseline);
  const n = current.reduce((a, x) => a + x, 0);
  if (!b.some((x) => x > 0) || !(n > 0)) return { psi: 0, noise: 0 }; // nothing to compare
  const gb: number[] = [];
  const gc: number[] = [];
  let accB = 0;
  let accC = 0;
  for (let i = 0; i < b.length; i++) {
    accB += b[i];
    accC += current[i] ?? 0;
    if (accB >= minShare) { gb.push(accB); gc.push(accC); accB = 0; accC = 0; }
  }
  if (accB > 0 || accC > 0) { gb.push(accB); gc.push(accC); }
  const smoothed = gc.map((k) => (k + 0.5) / (n + 0.5 * gc.length));
  return { psi: psi(gb, smoothed), noise: psiNoise(gb.length - 1, n) };
}

/**
 * The baseline score histogram expected at another base rate: the per-class histograms mixed at `rate`.
 * A training set at 50% fraud scored against traffic at 2% is a change of prior (label shift), which the
 * serving path already corrects for; without this the score PSI would alert on it every window.
 */
export function scoreBaselineAtRate(byClass: { negative: readonly number[]; positive: readonly number[] }, rate: number): number[] {
  const neg = normalise(byClass.negative), pos = normalise(byClass.positive);
  if (!neg.some((x) => x > 0) || !pos.some((x) => x > 0) || !(rate >= 0 && rate <= 1)) return [];
  return neg.map((x, i) => (1 - rate) * x + rate * pos[i]);
}

/**
 * The base rate under which the per-class histograms best explain a window's score counts (maximum likelihood,
 * by EM over the bins; the label-shift estimate of Saerens et al.), starting from `start`; null when the classes
 * or the window hold nothing to fit.
 */
export function windowRate(byClass: { negative: readonly number[]; positive: readonly number[] }, counts: readonly number[], start = 0.5): number | null {
  const neg = normalise(byClass.negative), pos = normalise(byClass.positive);
  const bins = counts.map((c, i) => ({ c, n: neg[i] ?? 0, p: pos[i] ?? 0 })).filter((b) => b.c > 0 && b.n + b.p > 0);
  const total = bins.reduce((a, b) => a + b.c, 0);
  if (!(total > 0) || !neg.some((x) => x > 0) || !pos.some((x) => x > 0)) return null;
  let r = Math.min(1 - 1e-6, Math.max(1e-6, Number.isFinite(start) ? start : 0.5));
  for (let it = 0; it < 500; it++) {
    const next = bins.reduce((a, b) => a + (b.c * r * b.p) / (r * b.p + (1 - r) * b.n), 0) / total;
    if (Math.abs(next - r) < 1e-9) return next;
    r = next;
  }
  return r;
}

/** Bin of a score on 20 equal-width bins over [0, 1]: the baseline's scoreHistogram layout. */
export const scoreBin = (p: number): number => Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(p * SCORE_BINS)));

/**
 * The PSI a sample of n rows from the baseline itself reaches by chance, mean + 2 sd: n·PSI is about χ² with
 * df = buckets − 1 (PSI is the symmetric χ² divergence to second order). 0.19 at 100 rows and 10 deciles,
 * 0.02 at 1,000.
 */
export function psiNoise(df: number, n: number): number {
  return df > 0 && n > 0 ? (df + 2 * Math.sqrt(2 * df)) / n : 0;
}

export function statusOf(value: number | null | undefined, t: DriftThresholds): DriftStatus {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'ok';
  return value >= t.psiAlert ? 'alert' : value >= t.psiWarn ? 'warn' : 'ok';
}

export interface BaselineFeature {
  name: string; edges: number[]; shares: number[]; missing: number;
  /** Counts per bin of the model's hour feature: per bin here, then missing (drift-hours.ts); absent on older artefacts. */
  byHour?: number[][];
}

export interface FeatureDrift {
  name: string;
  type: 'numeric' | 'categorical';
  psi: number;
  ks: number;
  js?: number;
  status: DriftStatus;
  /** Shares per bin (present values), then the missing share, for the histogram. */
  baseline: number[];
  current: number[];
  edges: number[];
  baselineMissing: number;
  currentMissing: number;
  count: number;
  /**
   * What the window was compared with: the whole baseline, the baseline reweighted to the window's hours of the
   * day (drift-hours.ts), restricted to the window's calendar period (drift-context.ts), or nothing that can be
   * compared fairly. Absent on snapshots from before.
   */
  basis?: 'baseline' | 'time_of_day' | 'period' | 'not_compared';
  /** psiNoise of this window: the status compares psi − noise with the thresholds. Absent on older snapshots. */
  noise?: number;
  /** false: shown, but left out of the drifted share, the warn count and the worst feature (see note). */
  alerting?: boolean;
  note?: string;
}

/** Codes and small counts: the 'category' feature, or decile edges that collapsed to a few integers. */
export function isCategorical(f: Pick<BaselineFeature, 'name' | 'edges'>): boolean {
  return f.name === 'category' || (f.edges.length > 0 && f.edges.length < 9 && f.edges.every(Number.isInteger));
}

/** Shares over all rows: present bins scaled by (1 − missing), then a missing bucket, so a jump in nulls counts. */
const withMissing = (shares: readonly number[], missing: number) => [...shares.map((s) => s * (1 - missing)), missing];

export function featureDrift(
  baseline: BaselineFeature,
  current: { counts: readonly number[]; missing: number; total: number },
  thresholds: DriftThresholds = DEFAULT_THRESHOLDS,
  /** Rows the baseline shares were estimated from, when few enough that their own noise counts (drift-hours.ts). */
  baselineRows?: number,
): FeatureDrift {
  const cur = countsToShares(current);
  const b = withMissing(baseline.shares, baseline.missing);
  const c = withMissing(cur.shares, cur.missing);
  const type = isCategorical(baseline) ? 'categorical' : 'numeric';
  const value = psi(b, c);
  // Two samples: the noise of n current rows against b baseline rows is that of n·b / (n + b) rows.
  const rows = baselineRows && baselineRows > 0 ? (cur.count * baselineRows) / (cur.count + baselineRows) : cur.count;
  const noise = psiNoise(b.filter((x) => x > 0).length - 1, rows);
  return {
    name: baseline.name, type, psi: value, noise, ks: ksFromShares(baseline.shares, cur.shares),
    ...(type === 'categorical' ? { js: jensenShannon(b, c) } : {}),
    status: statusOf(value - noise, thresholds),
    baseline: [...baseline.shares], current: cur.shares, edges: [...baseline.edges],
    baselineMissing: baseline.missing, currentMissing: cur.missing, count: cur.count,
  };
}

export interface DriftSummary { status: DriftStatus; driftedShare: number; drifted: number; warned: number; features: number }

export function summariseDrift(
  all: readonly Pick<FeatureDrift, 'psi' | 'alerting' | 'noise'>[],
  opts: Partial<DriftThresholds> & { scorePsi?: number | null; scoreNoise?: number } = {},
): DriftSummary {
  const t: DriftThresholds = { ...DEFAULT_THRESHOLDS, ...stripUndefined(opts) };
  const features = all.filter((f) => f.alerting !== false);
  const beyond = (f: Pick<FeatureDrift, 'psi' | 'noise'>) => f.psi - (f.noise ?? 0);
  const drifted = features.filter((f) => beyond(f) >= t.psiAlert).length;
  const warned = features.filter((f) => beyond(f) >= t.psiWarn).length;
  const driftedShare = features.length ? drifted / features.length : 0;
  const score = statusOf(typeof opts.scorePsi === 'number' ? opts.scorePsi - (opts.scoreNoise ?? 0) : opts.scorePsi, t);
  const status: DriftStatus =
    (features.length && driftedShare >= t.driftShare) || score === 'alert' ? 'alert' : warned > 0 || score === 'warn' ? 'warn' : 'ok';
  return { status, driftedShare, drifted, warned, features: features.length };
}

function stripUndefined(o: Partial<DriftThresholds>): Partial<DriftThresholds> {
  const out: Partial<DriftThresholds> = {};
  for (const k of ['psiWarn', 'psiAlert', 'driftShare'] as const) if (typeof o[k] === 'number') out[k] = o[k];
  return out;
}
