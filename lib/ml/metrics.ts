// Binary-classification metrics. Pure functions over labels (0/1) and scores in [0, 1].

export type Labels = Uint8Array | ArrayLike<number>;
export type Scores = Float64Array | ArrayLike<number>;

export interface CurvePoint { x: number; y: number; threshold: number }

export interface Confusion {
  threshold: number;
  tp: number; fp: number; tn: number; fn: number;
  precision: number; recall: number; f1: number; fpr: number;
}

export interface CalibrationBin {
  lower: number; upper: number; count: number;
  meanPredicted: number | null; fractionPositive: number | null;
}

/** Plain JSON; null where a metric is undefined (e.g. AUC with one class). */
export interface Metrics {
  n: number;
  positives: number;
  rocAuc: number | null;
  averagePrecision: number | null;
  logLoss: number;
  brier: number;
  confusion: Confusion;
  roc: CurvePoint[];
  pr: CurvePoint[];
  calibration: CalibrationBin[];
}

function check(y: Labels, p: Scores): void {
  if (y.length !== p.length) throw new Error(`labels (${y.length}) and scores (${p.length}) differ in length`);
}

/** Indices sorted by descending score. */
function orderDesc(p: Scores): Uint32Array {
  const idx = new Uint32Array(p.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => p[b] - p[a]);
}

/** Mann–Whitney U with average ranks for ties. NaN when either class is absent. */
export function rocAuc(y: Labels, p: Scores): number {
  check(y, p);
  const n = y.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => p[a] - p[b]);
  let rankSumPos = 0, nPos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && p[idx[j + 1]] === p[idx[i]]) j++;
    const avgRank = (i + j) / 2 + 1; // 1-based ranks i+1..j+1
    for (let k = i; k <= j; k++) if (y[idx[k]] === 1) { rankSumPos += avgRank; nPos++; }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Cumulative tp/fp at each distinct score, highest first (ties form one step); typed, as there may be millions. */
function steps(y: Labels, p: Scores): { tp: Float64Array; fp: Float64Array; thr: Float64Array; nPos: number; nNeg: number } {
  check(y, p);
  const idx = orderDesc(p);
  const tp = new Float64Array(idx.length), fp = new Float64Array(idx.length), thr = new Float64Array(idx.length);
  let ctp = 0, cfp = 0, k = 0;
  for (let i = 0; i < idx.length; ) {
    const s = p[idx[i]];
    while (i < idx.length && p[idx[i]] === s) { if (y[idx[i]] === 1) ctp++; else cfp++; i++; }
    tp[k] = ctp; fp[k] = cfp; thr[k++] = s;
  }
  return { tp: tp.subarray(0, k), fp: fp.subarray(0, k), thr: thr.subarray(0, k), nPos: ctp, nNeg: cfp };
}

/** Step-wise area under the PR curve, as sklearn's average_precision_score. */
export function averagePrecision(y: Labels, p: Scores): number {
  const { tp, fp, nPos } = steps(y, p);
  if (nPos === 0) return NaN;
  let ap = 0, prevRecall = 0;
  for (let i = 0; i < tp.length; i++) {
    const recall = tp[i] / nPos;
    ap += (recall - prevRecall) * (tp[i] / (tp[i] + fp[i]));
    prevRecall = recall;
  }
  return ap;
}

export function logLoss(y: Labels, p: Scores, eps = 1e-15): number {
  check(y, p);
  if (y.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(1 - eps, Math.max(eps, p[i]));
    s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return s / y.length;
}

export function brier(y: Labels, p: Scores): number {
  check(y, p);
  if (y.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (p[i] - y[i]) ** 2;
  return s / y.length;
}

/** Scores ≥ threshold are predicted positive. Ratios with a zero denominator are 0. */
export function confusionAt(y: Labels, p: Scores, threshold: number): Confusion {
  check(y, p);
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < y.length; i++) {
    const pos = p[i] >= threshold;
    if (y[i] === 1) { if (pos) tp++; else fn++; } else if (pos) fp++; else tn++;
  }
  const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const precision = div(tp, tp + fp), recall = div(tp, tp + fn);
  return {
    threshold, tp, fp, tn, fn, precision, recall,
    f1: div(2 * precision * recall, precision + recall),
    fpr: div(fp, fp + tn),
  };
}

/** Keeps first and last, and evenly spaced points between, so charts stay light. */
export function downsample<T>(points: T[], maxPoints: number): T[] {
  if (points.length <= maxPoints) return points;
  return Array.from(pickedIndices(points.length, maxPoints), (j) => points[j]);
}

/** The indices downsample keeps out of `length` points, so curves build only the points they keep. */
function pickedIndices(length: number, maxPoints: number): Uint32Array {
  if (length <= maxPoints) { const all = new Uint32Array(length); for (let j = 0; j < length; j++) all[j] = j; return all; }
  const m = Math.max(2, maxPoints);
  const out = new Uint32Array(m);
  for (let k = 0; k < m; k++) out[k] = Math.round((k * (length - 1)) / (m - 1));
  return out;
}

/** x = false-positive rate, y = true-positive rate; starts at (0,0) with threshold Infinity. */
export function rocCurve(y: Labels, p: Scores, maxPoints = 200): CurvePoint[] {
  const { tp, fp, thr, nPos, nNeg } = steps(y, p);
  // Point 0 is the origin, point j > 0 is step j − 1.
  return Array.from(pickedIndices(tp.length + 1, maxPoints), (j) => (j === 0
    ? { x: 0, y: 0, threshold: Infinity }
    : { x: nNeg ? fp[j - 1] / nNeg : 0, y: nPos ? tp[j - 1] / nPos : 0, threshold: thr[j - 1] }));
}

/** x = recall, y = precision, from the highest threshold down. */
export function prCurve(y: Labels, p: Scores, maxPoints = 200): CurvePoint[] {
  const { tp, fp, thr, nPos } = steps(y, p);
  return Array.from(pickedIndices(tp.length, maxPoints), (i) => ({ x: nPos ? tp[i] / nPos : 0, y: tp[i] / (tp[i] + fp[i]), threshold: thr[i] }));
}

/** Equal-width probability bins; the last bin includes 1. */
export function calibrationTable(y: Labels, p: Scores, bins = 10): CalibrationBin[] {
  check(y, p);
  const count = new Array<number>(bins).fill(0), sumP = new Array<number>(bins).fill(0), sumY = new Array<number>(bins).fill(0);
  for (let i = 0; i < y.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p[i] * bins)));
    count[b]++; sumP[b] += p[i]; sumY[b] += y[i] === 1 ? 1 : 0;
  }
  return count.map((c, b) => ({
    lower: b / bins, upper: (b + 1) / bins, count: c,
    meanPredicted: c ? sumP[b] / c : null, fractionPositive: c ? sumY[b] / c : null,
  }));
}

const orNull = (v: number) => (Number.isFinite(v) ? v : null);

/** Everything the UI and CLI show for one scored set, as plain JSON. */
export function evaluate(y: Labels, p: Scores, threshold: number): Metrics {
  let positives = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) positives++;
  // JSON cannot hold Infinity: the ROC origin gets threshold 1 (nothing is ≥ a score above 1 except exact 1s).
  const roc = rocCurve(y, p).map((pt) => (Number.isFinite(pt.threshold) ? pt : { ...pt, threshold: 1 }));
  return {
    n: y.length,
    positives,
    rocAuc: orNull(rocAuc(y, p)),
    averagePrecision: orNull(averagePrecision(y, p)),
    logLoss: logLoss(y, p),
    brier: brier(y, p),
    confusion: confusionAt(y, p, threshold),
    roc,
    pr: prCurve(y, p),
    calibration: calibrationTable(y, p),
  };
}

/**
 * A 95% interval for a ROC-AUC from its class counts (Hanley & McNeil, 1982): wide when either class is small,
 * which is what a backtest on a handful of labels needs to show. Null when the AUC is undefined.
 */
export function rocAucInterval(auc: number, positives: number, negatives: number): [number, number] | null {
  if (!Number.isFinite(auc) || positives < 1 || negatives < 1) return null;
  const q1 = auc / (2 - auc), q2 = (2 * auc * auc) / (1 + auc);
  const variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives);
  const half = 1.96 * Math.sqrt(Math.max(variance, 0));
  const interval: [number, number] = [Math.max(0, auc - half), Math.min(1, auc + half)];
  // Below MIN_CLASS_FOR_METRICS the normal approximation collapses at a perfect split (zero width for 3 + 6
  // labels); a Wilson interval on the smaller class's count keeps the width a sample that small deserves.
  const small = Math.min(positives, negatives);
  if (small >= MIN_CLASS_FOR_METRICS) return interval;
  const [wLo, wHi] = wilson(auc, small);
  return [Math.min(interval[0], wLo), Math.max(interval[1], wHi)];
}

/** Wilson score interval (95%) for a proportion p observed over n trials. */
function wilson(p: number, n: number): [number, number] {
  const z2 = 1.96 * 1.96;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (1.96 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Fewer labels of either class than this and ranking metrics are a hint, not a measurement. */
export const MIN_CLASS_FOR_METRICS = 30;

/** Why a labelled sample is too small to trust its ranking metrics, or null. */
export function smallSampleWarning(positives: number, negatives: number): string | null {
  if (positives >= MIN_CLASS_FOR_METRICS && negatives >= MIN_CLASS_FOR_METRICS) return null;
  return `Only ${positives} fraud and ${negatives} legitimate labels: ROC-AUC and PR-AUC swing widely on samples this small (fewer than ${MIN_CLASS_FOR_METRICS} of a class); read them as a hint.`;
}

/**
 * The highest recall reachable while the false-positive rate stays ≤ `fpr` (ties form one step, so a
 * threshold is never split inside a group of equal scores). NaN when either class is absent.
 */
export function recallAtFpr(y: Labels, p: Scores, fpr: number): number {
  const { tp, fp, nPos, nNeg } = steps(y, p);
  if (nPos === 0 || nNeg === 0) return NaN;
  let best = 0;
  for (let i = 0; i < tp.length && fp[i] / nNeg <= fpr; i++) best = tp[i] / nPos;
  return best;
}

/**
 * ROC points for a log-scale false-positive axis: every distinct FPR above 0 is a candidate, and one point
 * (the last, highest-recall one) is kept per equal step of log10(FPR), so the curve keeps its shape down to
 * 1/negatives instead of collapsing into the first pixel as linear downsampling does. Ends at (1, 1).
 */
export function logRocCurve(y: Labels, p: Scores, maxPoints = 120): CurvePoint[] {
  const { tp, fp, thr, nPos, nNeg } = steps(y, p);
  if (nPos === 0 || nNeg === 0) return [];
  const lo = Math.log10(1 / nNeg);
  const width = -lo / Math.max(1, maxPoints - 1) || 1;
  const out: CurvePoint[] = [];
  let bucket = -1;
  for (let i = 0; i < tp.length; i++) {
    if (fp[i] === 0) continue;
    const point = { x: fp[i] / nNeg, y: tp[i] / nPos, threshold: thr[i] };
    const b = Math.floor((Math.log10(point.x) - lo) / width);
    // A later step in the same bucket replaces the kept one: it has the higher recall at about the same FPR.
    if (b === bucket) out[out.length - 1] = point;
    else { out.push(point); bucket = b; }
  }
  return out;
}
