// Probability calibration (Platt and isotonic) and prior correction for a production base rate that differs
// from the training set's (Saerens, Latinne & Decaestecker 2002; Elkan 2001).

import type { Labels, Scores } from './metrics';

export type Calibration =
  | { method: 'identity' }
  /** p' = σ(a·logit(p) + b). */
  | { method: 'platt'; a: number; b: number }
  /** Piecewise-linear through (x[k], y[k]), x ascending, y non-decreasing; flat beyond the ends. */
  | { method: 'isotonic'; x: number[]; y: number[] };

export const IDENTITY: Calibration = { method: 'identity' };
const EPS = 1e-6;
const clip = (p: number) => (p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p);
const logit = (p: number) => { const c = clip(p); return Math.log(c / (1 - c)); };
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function applyCalibration(cal: Calibration | undefined | null, p: number): number {
  if (!cal || cal.method === 'identity' || !(p === p)) return p;
  if (cal.method === 'platt') return sigmoid(cal.a * logit(p) + cal.b);
  const { x, y } = cal;
  if (p <= x[0]) return y[0];
  if (p >= x[x.length - 1]) return y[y.length - 1];
  let lo = 0, hi = x.length - 1;
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (x[mid] <= p) lo = mid; else hi = mid; }
  const span = x[hi] - x[lo];
  return span > 0 ? y[lo] + ((p - x[lo]) / span) * (y[hi] - y[lo]) : y[hi];
}

export function applyCalibrationAll(cal: Calibration | undefined | null, p: Scores): Float64Array {
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = applyCalibration(cal, p[i]);
  return out;
}

/** Logistic regression of y on logit(p): Newton steps from the flat model, halved while the loss rises. */
export function fitPlatt(p: Scores, y: Labels): Calibration {
  const n = p.length;
  const z = new Float64Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) { z[i] = logit(p[i]); if (y[i] === 1) pos++; }
  if (!pos || pos === n) return IDENTITY;
  const loss = (a: number, b: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) { const q = clip(sigmoid(a * z[i] + b)); s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q); }
    return s;
  };
  let a = 0, b = Math.log(pos / (n - pos)), current = loss(a, b);
  for (let iter = 0; iter < 50; iter++) {
    // A tiny ridge keeps the Hessian invertible on separable data.
    let ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
    for (let i = 0; i < n; i++) {
      const q = sigmoid(a * z[i] + b), r = q - (y[i] === 1 ? 1 : 0), w = q * (1 - q);
      ga += r * z[i]; gb += r; haa += w * z[i] * z[i]; hab += w * z[i]; hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    let da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    let next = loss(a - da, b - db);
    for (let h = 0; h < 30 && !(next <= current); h++) { da /= 2; db /= 2; next = loss(a - da, b - db); }
    if (!(next <= current)) break;
    a -= da; b -= db; current = next;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return Number.isFinite(a) && Number.isFinite(b) ? { method: 'platt', a, b } : IDENTITY;
}

/** Pool-adjacent-violators on (p, y), merged to at most maxPoints breakpoints; values kept inside [1e-4, 1-1e-4]. */
export function fitIsotonic(p: Scores, y: Labels, maxPoints = 200): Calibration {
  const n = p.length;
  if (!n) return IDENTITY;
  const keys = Float64Array.from(p);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => keys[i] - keys[j]);
  // Blocks on a stack: weight, sum of labels, sum of scores.
  const w = new Float64Array(n), sy = new Float64Array(n), sp = new Float64Array(n);
  let top = -1;
  for (let k = 0; k < n;) {
    // Equal scores start as one block (they must share one value).
    const key = keys[order[k]];
    top++; w[top] = 0; sy[top] = 0; sp[top] = 0;
    for (; k < n && keys[order[k]] === key; k++) { w[top]++; sy[top] += y[order[k]] === 1 ? 1 : 0; sp[top] += key; }
    // A block may not exceed the one above it.
    while (top > 0 && sy[top - 1] / w[top - 1] >= sy[top] / w[top]) {
      w[top - 1] += w[top]; sy[top - 1] += sy[top]; sp[top - 1] += sp[top]; top--;
    }
  }
  const blocks = top + 1;
  // Merging neighbours by equal weight keeps the values non-decreasing (a weighted mean of ordered neighbours).
  const groups = Math.min(blocks, maxPoints);
  const x: number[] = [], v: number[] = [];
  let gw = 0, gy = 0, gp = 0, done = 0;
  for (let b = 0; b < blocks; b++) {
    gw += w[b]; gy += sy[b]; gp += sp[b]; done += w[b];
    const boundary = Math.ceil(((x.length + 1) * n) / groups);
    if (done >= boundary || b === blocks - 1) {
      x.push(gp / gw); v.push(Math.min(1 - 1e-4, Math.max(1e-4, gy / gw)));
      gw = 0; gy = 0; gp = 0;
    }
  }
  return { method: 'isotonic', x, y: v };
}

function meanLogLoss(cal: Calibration, p: Scores, y: Labels, idx: Uint32Array): number {
  let s = 0;
  for (const i of idx) { const q = clip(applyCalibration(cal, p[i])); s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q); }
  return s / Math.max(1, idx.length);
}

function take(values: Scores | Labels, idx: Uint32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = values[idx[k]];
  return out;
}

/** Both classes need this many rows before a calibrator is fitted; below it, the identity. */
export const MIN_CLASS_FOR_CALIBRATION = 10;

export interface CalibrationChoice { calibration: Calibration; heldOutLogLoss: Record<'identity' | 'platt' | 'isotonic', number> | null }

/**
 * Fits Platt and isotonic on alternate rows, keeps whichever (or the identity) has the lower log loss on the
 * other rows, then refits the winner on all rows. Isotonic wins with plenty of data, Platt on small sets.
 */
export function fitCalibration(p: Scores, y: Labels): CalibrationChoice {
  let pos = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) pos++;
  if (pos < MIN_CLASS_FOR_CALIBRATION || y.length - pos < MIN_CLASS_FOR_CALIBRATION) return { calibration: IDENTITY, heldOutLogLoss: null };
  const half = Math.ceil(p.length / 2);
  const a = new Uint32Array(half), b = new Uint32Array(p.length - half);
  for (let i = 0; i < p.length; i++) { if (i % 2 === 0) a[i >> 1] = i; else b[i >> 1] = i; }
  const pa = take(p, a), ya = take(y, a);
  const loss = {
    identity: meanLogLoss(IDENTITY, p, y, b),
    platt: meanLogLoss(fitPlatt(pa, ya), p, y, b),
    isotonic: meanLogLoss(fitIsotonic(pa, ya), p, y, b),
  };
  const best = (Object.keys(loss) as (keyof typeof loss)[]).reduce((m, k) => (loss[k] < loss[m] ? k : m), 'identity');
  const calibration = best === 'platt' ? fitPlatt(p, y) : best === 'isotonic' ? fitIsotonic(p, y) : IDENTITY;
  return { calibration, heldOutLogLoss: loss };
}

/**
 * A probability learnt at base rate trainRate, moved to base rate prodRate: odds × odds(π') / odds(π).
 * The identity when either rate is missing or outside (0, 1), or when they are equal.
 */
export function priorCorrect(p: number, trainRate: number | null | undefined, prodRate: number | null | undefined): number {
  if (trainRate == null || prodRate == null || trainRate === prodRate) return p;
  if (!(trainRate > 0 && trainRate < 1 && prodRate > 0 && prodRate < 1) || !(p === p)) return p;
  if (p <= 0 || p >= 1) return p;
  const o = (p / (1 - p)) * ((prodRate / (1 - prodRate)) / (trainRate / (1 - trainRate)));
  return o / (1 + o);
}

/**
 * The base rate of unlabelled scored traffic by EM (Saerens et al. 2002): the π' whose prior-corrected
 * posteriors average to π'. Needs calibrated probabilities; independent of decisions and of which items
 * were labelled. Null without scores.
 */
export function estimatePrior(p: Scores, trainRate: number, iterations = 100): number | null {
  if (!p.length || !(trainRate > 0 && trainRate < 1)) return null;
  let prior = trainRate;
  for (let it = 0; it < iterations; it++) {
    let s = 0;
    for (let i = 0; i < p.length; i++) s += priorCorrect(clip(p[i]), trainRate, prior);
    const next = Math.min(1 - EPS, Math.max(EPS, s / p.length));
    if (Math.abs(next - prior) < 1e-7) return next;
    prior = next;
  }
  return prior;
}
