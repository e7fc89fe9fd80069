import { describe, expect, it } from 'vitest';
import {
  BinCounter, binIndex, binShares, featureDrift, isCategorical, jensenShannon, ksFromShares, ksStatistic, normalise, psi, psiNoise, SCORE_BINS, scoreBaselineAtRate, scoreBin, scoreDrift, scorePsi, summariseDrift,
} from './drift';
import { createRng } from './rng';

describe('psi', () => {
  it('is 0 for identical distributions', () => {
    expect(psi([0.1, 0.2, 0.3, 0.4], [0.1, 0.2, 0.3, 0.4])).toBe(0);
  });
  it('matches a hand computation', () => {
    // (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5) = 0.173287 + 0.101366
    expect(psi([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.274653, 5);
  });
  it('stays finite when a bin is empty (eps clipping)', () => {
    const v = psi([0.5, 0.5, 0], [0.5, 0.4, 0.1]);
    expect(Number.isFinite(v)).toBe(true);
    // (0.1 − 1e-4)·ln(0.1 / 1e-4) + (0.4 − 0.5)·ln(0.4 / 0.5)
    expect(v).toBeCloseTo(0.0999 * Math.log(1000) + -0.1 * Math.log(0.8), 6);
  });
  it('refuses arrays of different lengths', () => {
    expect(() => psi([1], [0.5, 0.5])).toThrow(RangeError);
  });
});

describe('binning on baseline edges', () => {
  const edges = [1, 2, 3];
  it('uses (lower, upper] bins like the baseline', () => {
    expect([0, 1, 1.5, 2, 3, 3.1].map((v) => binIndex(v, edges))).toEqual([0, 0, 1, 1, 2, 3]);
  });
  it('counts missing values apart', () => {
    const r = binShares([0.5, 1.5, 2.5, 9, null, undefined, NaN, 2], edges);
    expect(r.count).toBe(8);
    expect(r.missing).toBeCloseTo(3 / 8);
    expect(r.shares).toEqual([0.2, 0.4, 0.2, 0.2]);
  });
  it('streams through BinCounter with the same result', () => {
    const c = new BinCounter(edges);
    for (const v of [0.5, 1.5, 2.5, 9, null, 2]) c.add(v);
    expect(c.counts).toEqual([1, 2, 1, 1]);
    expect(c.missing).toBe(1);
    expect(c.total).toBe(6);
  });
  it('puts scores on 20 equal-width bins', () => {
    expect([0, 0.049, 0.05, 0.5, 0.999, 1, -1, 2].map(scoreBin)).toEqual([0, 0, 1, 10, 19, 19, 0, 19]);
  });
});

describe('ksStatistic', () => {
  it('is 0 for identical samples', () => {
    expect(ksStatistic([3, 1, 2, 2], [2, 1, 2, 3])).toBe(0);
  });
  it('is 0.5 for [1..4] vs [3..6]', () => {
    expect(ksStatistic([1, 2, 3, 4], [3, 4, 5, 6])).toBeCloseTo(0.5);
  });
  it('is 1 for disjoint samples', () => {
    expect(ksStatistic([1, 2, 3], [4, 5, 6])).toBe(1);
  });
  it('handles ties and unequal sizes', () => {
    // CDFs at 1: 2/3 vs 1/4 → 0.4167 is the largest gap
    expect(ksStatistic([1, 1, 2], [1, 2, 2, 3])).toBeCloseTo(2 / 3 - 1 / 4);
  });
  it('binned KS agrees on bin edges', () => {
    expect(ksFromShares([0.5, 0.5], [0.5, 0.5])).toBe(0);
    expect(ksFromShares([0.5, 0.25, 0.25], [0.25, 0.25, 0.5])).toBeCloseTo(0.25);
  });
});

describe('jensenShannon', () => {
  it('is 0 for identical distributions', () => {
    expect(jensenShannon([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
  });
  it('is 1 for disjoint distributions', () => {
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(1, 12);
  });
  it('matches a hand computation', () => {
    // M = [0.75, 0.25]; JSD = ½·log2(1/0.75) + ½·(½·log2(0.5/0.75) + ½·log2(0.5/0.25)) = 0.311278
    expect(jensenShannon([1, 0], [0.5, 0.5])).toBeCloseTo(Math.sqrt(0.311278), 5);
  });
  it('normalises counts', () => {
    expect(jensenShannon([2, 2], [1, 1])).toBe(0);
  });
});

describe('featureDrift and summariseDrift', () => {
  const baseline = { name: 'log_amount', edges: [1.5, 2.5, 3.5, 4.5], shares: [0.2, 0.2, 0.2, 0.2, 0.2], missing: 0 };
  it('gives 0 for a window that matches the baseline', () => {
    const f = featureDrift(baseline, { counts: [20, 20, 20, 20, 20], missing: 0, total: 100 });
    expect(f.psi).toBe(0);
    expect(f.ks).toBe(0);
    expect(f.status).toBe('ok');
    expect(f.type).toBe('numeric');
  });
  it('flags a shifted window with the hand-computed PSI', () => {
    // Everything lands in the top bin: 4·(1e-4 − 0.2)·ln(1e-4/0.2) + (1 − 0.2)·ln(1/0.2)
    const f = featureDrift(baseline, { counts: [0, 0, 0, 0, 50], missing: 0, total: 50 });
    expect(f.psi).toBeCloseTo(4 * (1e-4 - 0.2) * Math.log(1e-4 / 0.2) + 0.8 * Math.log(5), 6);
    expect(f.status).toBe('alert');
    expect(f.ks).toBeCloseTo(0.8);
  });
  it('counts a jump in missing values as drift', () => {
    const f = featureDrift(baseline, { counts: [10, 10, 10, 10, 10], missing: 50, total: 100 });
    expect(f.currentMissing).toBe(0.5);
    expect(f.psi).toBeGreaterThan(0.25);
  });
  it('treats category codes and few integer edges as categorical, with JS', () => {
    expect(isCategorical({ name: 'category', edges: [1.5, 7] })).toBe(true);
    expect(isCategorical({ name: 'weekday', edges: [0, 1, 2, 3, 4, 5] })).toBe(true);
    expect(isCategorical({ name: 'log_amount', edges: [1.1, 2.2, 3.3] })).toBe(false);
    const f = featureDrift({ name: 'category', edges: [2], shares: [1, 0], missing: 0 }, { counts: [0, 10], missing: 0, total: 10 });
    expect(f.js).toBeCloseTo(1, 6);
  });
  it('applies the Evidently rule: ≥ 50% of features at PSI ≥ 0.25 makes the window drifted', () => {
    expect(summariseDrift([{ psi: 0 }, { psi: 0.05 }])).toMatchObject({ status: 'ok', driftedShare: 0 });
    expect(summariseDrift([{ psi: 0.12 }, { psi: 0.05 }])).toMatchObject({ status: 'warn', warned: 1 });
    expect(summariseDrift([{ psi: 0.3 }, { psi: 0.05 }, { psi: 0.01 }])).toMatchObject({ status: 'warn', driftedShare: 1 / 3 });
    expect(summariseDrift([{ psi: 0.3 }, { psi: 0.4 }, { psi: 0.01 }, { psi: 0 }])).toMatchObject({ status: 'alert', driftedShare: 0.5 });
    expect(summariseDrift([{ psi: 0 }], { scorePsi: 0.3 }).status).toBe('alert');
    expect(summariseDrift([{ psi: 0.3 }, { psi: 0 }], { driftShare: 0.6 }).status).toBe('warn');
    expect(summariseDrift([], {}).status).toBe('ok');
  });
  it('PSI of a sample against its own deciles is near 0; a 3-sigma shift is large', () => {
    const rng = createRng(7);
    const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const train = Array.from({ length: 20_000 }, normal).sort((a, b) => a - b);
    const edges = Array.from({ length: 9 }, (_, k) => train[Math.floor(((k + 1) * train.length) / 10)]);
    const base = binShares(train, edges);
    const same = binShares(Array.from({ length: 20_000 }, normal), edges);
    const moved = binShares(Array.from({ length: 20_000 }, () => normal() + 3), edges);
    expect(psi(base.shares, same.shares)).toBeLessThan(0.01);
    expect(psi(base.shares, moved.shares)).toBeGreaterThan(2);
  });
});

describe('scorePsi (sparse upper bins merged)', () => {
  // A fraud model's scores: most near 0, a thin tail; baseline 2,000 rows, windows of 300 from the same law.
  const draw = (rng: ReturnType<typeof createRng>, n: number, shift = 0) => {
    const h = new Array<number>(SCORE_BINS).fill(0);
    for (let i = 0; i < n; i++) h[scoreBin(Math.min(0.999, Math.pow(rng.next(), 6) + shift))]++;
    return h;
  };
  it('stays low on stationary windows of 300 rows where the raw 20-bin PSI does not', () => {
    const rng = createRng(9);
    const base = draw(rng, 2000);
    let rawMax = 0;
    for (let w = 0; w < 30; w++) {
      const cur = draw(rng, 300);
      rawMax = Math.max(rawMax, psi(normalise(base), normalise(cur)));
      expect(scorePsi(base, cur)).toBeLessThan(0.1);
    }
    expect(rawMax).toBeGreaterThan(0.1);
  });
  it('still alerts when the scores move up, and equals psi when every bin is large', () => {
    const rng = createRng(10);
    const base = draw(rng, 2000);
    expect(scorePsi(base, draw(rng, 300, 0.15))).toBeGreaterThan(0.25);
    const flat = [25, 25, 25, 25];
    // Every bin its own group; the window's shares smoothed by half a row each.
    expect(scorePsi(flat, [10, 20, 30, 40])).toBeCloseTo(psi([0.25, 0.25, 0.25, 0.25], [10.5, 20.5, 30.5, 40.5].map((k) => k / 102)), 12);
    expect(scorePsi([0, 0, 0], [1, 2, 3])).toBe(0);
  });
  it('sees the tail of a model with 99% of its scores in the lowest bin: the high scores stay a group', () => {
    const base = [990, 5, 3, 2, ...new Array<number>(SCORE_BINS - 4).fill(0)];
    const same = [296, 2, 1, 1, ...new Array<number>(SCORE_BINS - 4).fill(0)];
    const risky = [255, 20, 15, 10, ...new Array<number>(SCORE_BINS - 4).fill(0)];
    expect(scorePsi(base, same)).toBeLessThan(0.05);
    expect(scorePsi(base, risky)).toBeGreaterThan(0.25);
  });
});

describe('sampling noise of small windows (psiNoise)', () => {
  it('is what a sample of the baseline itself reaches: stationary windows of 80 rows rarely pass it, of 1,000 never need it', () => {
    expect(psiNoise(9, 100)).toBeCloseTo((9 + 2 * Math.sqrt(18)) / 100, 12);
    expect(psiNoise(0, 100)).toBe(0);
    expect(psiNoise(9, 0)).toBe(0);
    const rng = createRng(12);
    const edges = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const base = { name: 'octet2', edges, shares: new Array<number>(10).fill(0.1), missing: 0 };
    let rawWarn = 0;
    let judgedWarn = 0;
    for (let w = 0; w < 200; w++) {
      const c = new BinCounter(edges);
      for (let i = 0; i < 80; i++) c.add(rng.next() * 10);
      const f = featureDrift(base, c);
      if (f.psi >= 0.1) rawWarn++;
      if (f.status !== 'ok') judgedWarn++;
      expect(f.noise).toBeCloseTo(psiNoise(9, 80), 12);
    }
    // Raw PSI warns on most stationary windows of 80 rows; above the noise, about 1 in 40 (the 2-sd tail).
    expect(rawWarn).toBeGreaterThan(100);
    expect(judgedWarn).toBeLessThan(15);
    const shifted = new BinCounter(edges);
    for (let i = 0; i < 80; i++) shifted.add(rng.next() * 5);
    expect(featureDrift(base, shifted).status).toBe('alert');
    expect(summariseDrift([featureDrift(base, shifted)]).status).toBe('alert');
    expect(summariseDrift([{ psi: 0.3, noise: 0.1 }]).status).toBe('warn');
  });

  it('a bimodal score (7% at the top) on a quiet small day is not an alert; the same at 300 rows is', () => {
    const base = [927, ...new Array<number>(18).fill(0), 73];
    const quiet = (n: number) => [n, ...new Array<number>(19).fill(0)];
    const small = scoreDrift(base, quiet(80));
    expect(small.psi - small.noise).toBeLessThan(0.25);
    expect(summariseDrift([], { scorePsi: small.psi, scoreNoise: small.noise }).status).not.toBe('alert');
    const large = scoreDrift(base, quiet(300));
    expect(summariseDrift([], { scorePsi: large.psi, scoreNoise: large.noise }).status).toBe('alert');
    expect(scoreDrift(base, [74, ...new Array<number>(18).fill(0), 6]).psi).toBeLessThan(0.01);
  });
});

describe('scoreBaselineAtRate', () => {
  // Class-conditional score histograms of a decent model: legit low, fraud high.
  const negative = [400, 250, 150, 80, 50, 30, 15, 10, 5, 3, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0];
  const positive = [0, 0, 0, 1, 1, 1, 2, 3, 5, 8, 10, 15, 20, 30, 40, 60, 80, 100, 150, 200];
  const trafficAt = (rate: number, n: number) => {
    const neg = normalise(negative), pos = normalise(positive);
    return neg.map((x, i) => Math.round(n * ((1 - rate) * x + rate * pos[i])));
  };

  it('matches traffic whose only change is the base rate, where the training mixture alerts', () => {
    const training = negative.map((x, i) => x + positive[i] * (negative.reduce((a, b) => a + b) / positive.reduce((a, b) => a + b)));
    const traffic = trafficAt(0.02, 5_000);
    expect(scoreDrift(training, traffic).psi).toBeGreaterThan(0.25);
    expect(scoreDrift(scoreBaselineAtRate({ negative, positive }, 0.02), traffic).psi).toBeLessThan(0.02);
  });

  it('gives nothing to compare with when a class is missing or the rate is not a rate', () => {
    expect(scoreBaselineAtRate({ negative, positive: positive.map(() => 0) }, 0.1)).toEqual([]);
    expect(scoreBaselineAtRate({ negative, positive }, Number.NaN)).toEqual([]);
  });
});
