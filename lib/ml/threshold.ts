// Decision thresholds: the cost-optimal cut-off (Elkan 2001, as seed 004's predict.py) and a review band.

import type { Labels, Scores } from './metrics';

export interface Bands {
  /** Scores ≥ review (and < block) go to a human. */
  review: number;
  /** Scores ≥ block are blocked outright. */
  block: number;
}

export type Decision = 'allow' | 'review' | 'block';

/** Decisions that reach a person or stop the event: what "flagged" means in monitoring. */
export const FLAGGED_DECISIONS: ReadonlySet<string> = new Set<Decision>(['review', 'block']);

/** p* = C_fp / (C_fp + C_fn): block when the expected cost of a miss exceeds that of a false alarm. */
export function costOptimalThreshold(costFp: number, costFn: number): number {
  if (!(costFp > 0) || !(costFn > 0)) throw new Error('costs must be positive numbers');
  return costFp / (costFp + costFn);
}

const odds = (p: number) => p / (1 - p);
const prob = (o: number) => o / (1 + o);

/**
 * Review band symmetric around the threshold in log-odds: review at odds(t)/width, block at
 * odds(t)·width (width 2 by default). The uncertain zone near the cut-off goes to a human and
 * both bounds stay inside (0, 1) however close t is to 0 or 1. width 1 gives no review band.
 * Example: costs 1:10 → t = 0.0909, review 0.0476, block 0.1667.
 */
export function reviewBand(threshold: number, opts: { width?: number } = {}): Bands {
  const width = opts.width ?? 2;
  if (!(threshold > 0 && threshold < 1)) throw new Error('threshold must be in (0, 1)');
  if (!(width >= 1)) throw new Error('band width must be ≥ 1');
  const o = odds(threshold);
  return { review: prob(o / width), block: prob(o * width) };
}

export function decide(p: number, bands: Bands): Decision {
  if (p >= bands.block) return 'block';
  if (p >= bands.review) return 'review';
  return 'allow';
}

/** Total cost of false positives and false negatives when blocking scores ≥ threshold. */
export function expectedCost(y: Labels, p: Scores, threshold: number, costFp: number, costFn: number): number {
  let cost = 0;
  for (let i = 0; i < y.length; i++) {
    const pos = p[i] >= threshold;
    if (pos && y[i] !== 1) cost += costFp;
    else if (!pos && y[i] === 1) cost += costFn;
  }
  return cost;
}
