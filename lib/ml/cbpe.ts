// Confidence-based performance estimation (CBPE, as in NannyML): precision, recall, FPR and ROC-AUC
// expected from calibrated probabilities alone, so performance can be read before labels arrive.
// Item i counts as p_i of a positive and 1 - p_i of a negative; the estimate is right on average
// exactly when the probabilities are calibrated on the traffic being estimated.

export interface ExpectedConfusion { tp: number; fp: number; fn: number; tn: number }

export interface PerformanceEstimate {
  n: number;
  flagged: number;
  /** Σ p: the fraud the probabilities expect among the n items. */
  expectedPositives: number;
  confusion: ExpectedConfusion;
  /** null when undefined (nothing flagged, no expected positives or negatives). */
  precision: number | null;
  recall: number | null;
  fpr: number | null;
  rocAuc: number | null;
}

function check(p: ArrayLike<number>, flagged: Uint8Array | number) {
  if (typeof flagged !== 'number' && flagged.length !== p.length) throw new RangeError(`flagged has ${flagged.length} items, p has ${p.length}`);
  if (typeof flagged === 'number' && !Number.isFinite(flagged)) throw new RangeError('threshold must be a finite number');
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (!(v >= 0 && v <= 1)) throw new RangeError(`p[${i}] = ${v} is not a probability`);
  }
}

/**
 * Expected AUC with fractional labels, by one sort (O(n log n)): Σ over distinct pairs i≠j of
 * p_i (1 − p_j) · [p_i > p_j] (½ on ties), over the expected number of positive–negative pairs.
 */
export function expectedRocAuc(p: ArrayLike<number>): number | null {
  const sorted = Float64Array.from(p).sort();
  let pos = 0, neg = 0, self = 0, wins = 0;
  for (let i = 0; i < sorted.length; ) {
    const v = sorted[i];
    let c = 0;
    while (i < sorted.length && sorted[i] === v) { c++; i++; }
    const groupPos = c * v, groupNeg = c * (1 - v), groupSelf = c * v * (1 - v);
    // An item cannot be paired with itself, so its own p(1−p) leaves the tie term.
    wins += groupPos * neg + 0.5 * (groupPos * groupNeg - groupSelf);
    pos += groupPos; neg += groupNeg; self += groupSelf;
  }
  const pairs = pos * neg - self;
  return pairs > 1e-12 ? wins / pairs : null;
}

/** The expected confusion matrix and rates, flagging by a 0/1 mask (the decision taken) or p ≥ threshold. */
export function estimatePerformance(p: ArrayLike<number>, flagged: Uint8Array | number): PerformanceEstimate {
  check(p, flagged);
  let tp = 0, fp = 0, fn = 0, tn = 0, nFlagged = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    const flag = typeof flagged === 'number' ? v >= flagged : flagged[i] === 1;
    if (flag) { tp += v; fp += 1 - v; nFlagged++; } else { fn += v; tn += 1 - v; }
  }
  const div = (a: number, b: number) => (b > 1e-12 ? a / b : null);
  return {
    n: p.length, flagged: nFlagged, expectedPositives: tp + fn, confusion: { tp, fp, fn, tn },
    precision: nFlagged ? tp / nFlagged : null, recall: div(tp, tp + fn), fpr: div(fp, fp + tn),
    rocAuc: expectedRocAuc(p),
  };
}
