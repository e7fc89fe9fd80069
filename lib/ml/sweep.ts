// Threshold sweep for the backtest and tuner: precision, recall, review rate and expected cost at many
// cut-offs from one sort, so the tuner can move a slider without re-scoring anything.
import type { Labels, Scores } from './metrics';
import { reviewBand } from './threshold';

export interface SweepPoint {
  threshold: number;
  /** At "score ≥ threshold is fraud", exactly as metrics.confusionAt. */
  tp: number; fp: number; tn: number; fn: number;
  precision: number; recall: number; fpr: number;
  /** Share of all items sent to review or block when the band is reviewBand(threshold). */
  reviewRate: number;
  /** expectedCost(y, p, threshold, costFp, costFn) */
  cost: number;
}

export interface SweepOptions { costFp: number; costFn: number; points?: number }

const div = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Count of sorted-ascending values ≥ t (binary search). */
function countAtLeast(sorted: Float64Array, t: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] >= t) hi = mid; else lo = mid + 1;
  }
  return sorted.length - lo;
}

/** Sorted score arrays for all items and for positives only: the sweep's precomputation. */
export function prepareSweep(y: Labels, p: Scores) {
  if (y.length !== p.length) throw new Error(`labels (${y.length}) and scores (${p.length}) differ in length`);
  const all = Float64Array.from(p as ArrayLike<number>).sort();
  let positives = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) positives++;
  const pos = new Float64Array(positives);
  for (let i = 0, k = 0; i < y.length; i++) if (y[i] === 1) pos[k++] = p[i];
  return { all, pos: pos.sort() };
}

export type PreparedSweep = ReturnType<typeof prepareSweep>;

/** One operating point. The review band needs 0 < t < 1; at the ends the band collapses onto t. */
export function sweepPoint(prep: PreparedSweep, threshold: number, opts: SweepOptions): SweepPoint {
  const n = prep.all.length, positives = prep.pos.length;
  const flagged = countAtLeast(prep.all, threshold);
  const tp = countAtLeast(prep.pos, threshold);
  const fp = flagged - tp, fn = positives - tp, tn = n - positives - fp;
  const reviewAt = threshold > 0 && threshold < 1 ? reviewBand(threshold).review : threshold;
  return {
    threshold, tp, fp, tn, fn,
    precision: div(tp, tp + fp), recall: div(tp, tp + fn), fpr: div(fp, fp + tn),
    reviewRate: div(countAtLeast(prep.all, reviewAt), n),
    cost: fp * opts.costFp + fn * opts.costFn,
  };
}

/** `points` evenly spaced thresholds from 0 to 1 (101 by default: steps of 0.01). */
export function thresholdSweep(y: Labels, p: Scores, opts: SweepOptions): SweepPoint[] {
  const points = opts.points ?? 101;
  if (!(points >= 2)) throw new Error('a sweep needs at least 2 points');
  const prep = prepareSweep(y, p);
  return Array.from({ length: points }, (_, i) => sweepPoint(prep, Math.round((i / (points - 1)) * 1e6) / 1e6, opts));
}

/** The swept threshold with the lowest expected cost (the lowest threshold on ties). */
export function cheapestPoint(sweep: SweepPoint[]): SweepPoint | null {
  return sweep.reduce<SweepPoint | null>((best, s) => (!best || s.cost < best.cost ? s : best), null);
}
