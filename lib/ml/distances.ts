// Distances between two distributions, for the drift report beside PSI: pure functions over plain arrays.

export const normalise = (xs: readonly number[]): number[] => {
  const s = xs.reduce((a, b) => a + b, 0);
  return s > 0 ? xs.map((x) => x / s) : xs.map(() => 0);
};

/** Two-sample Kolmogorov–Smirnov D: the largest gap between the two empirical CDFs. */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (!a.length || !b.length) return 0;
  // Typed copies: sorting large samples as plain arrays costs several times the memory.
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * KS D on binned data: the largest CDF gap at the bin edges. The baseline keeps only decile shares,
 * so this is what can be measured without raw values; it is a lower bound of the exact D.
 */
export function ksFromShares(p: readonly number[], q: readonly number[]): number {
  const a = normalise(p);
  const b = normalise(q);
  let ca = 0;
  let cb = 0;
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    ca += a[i];
    cb += b[i];
    d = Math.max(d, Math.abs(ca - cb));
  }
  return d;
}

/** Jensen–Shannon distance (the square root of the divergence, as scipy and Evidently), base 2: in [0, 1]. */
export function jensenShannon(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new RangeError('jensenShannon: arrays differ in length');
  const a = normalise(p);
  const b = normalise(q);
  let div = 0;
  for (let i = 0; i < a.length; i++) {
    const m = (a[i] + b[i]) / 2;
    if (a[i] > 0) div += 0.5 * a[i] * Math.log2(a[i] / m);
    if (b[i] > 0) div += 0.5 * b[i] * Math.log2(b[i] / m);
  }
  return Math.sqrt(Math.min(1, Math.max(0, div)));
}
