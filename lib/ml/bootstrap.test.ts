import { describe, expect, it } from 'vitest';
import { bootstrapMetrics, createBootstrap, pairedDifference } from './bootstrap';
import { averagePrecision, confusionAt, rocAuc } from './metrics';
import { createRng } from './rng';

/** n rows at the given fraud rate; fraud scores shifted up so the AUC is about 0.85. */
function sample(n: number, rate: number, seed: number) {
  const rng = createRng(seed);
  const y = new Uint8Array(n), p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < rate ? 1 : 0;
    // Rounded to 3 decimals so many scores tie, as tree ensembles' do.
    p[i] = Math.round(1000 / (1 + Math.exp(-(rng.normal() + (y[i] ? 1.5 : 0) - 2)))) / 1000;
  }
  return { y, p };
}

describe('bootstrapMetrics', () => {
  it('has point estimates equal to the exact metrics, inside their intervals', () => {
    const { y, p } = sample(5_000, 0.05, 1);
    const b = bootstrapMetrics(y, p, 0.3, { resamples: 200, seed: 3 });
    expect(b.rocAuc.point).toBeCloseTo(rocAuc(y, p), 10);
    expect(b.averagePrecision.point).toBeCloseTo(averagePrecision(y, p), 10);
    expect(b.recall.point).toBeCloseTo(confusionAt(y, p, 0.3).recall, 10);
    for (const m of [b.rocAuc, b.averagePrecision, b.recall]) {
      expect(m.lower!).toBeLessThan(m.upper!);
      expect(m.lower!).toBeLessThanOrEqual(m.point!);
      expect(m.upper!).toBeGreaterThanOrEqual(m.point!);
    }
  });

  it('narrows as the holdout grows', () => {
    const width = (n: number) => { const { y, p } = sample(n, 0.05, 2); const b = bootstrapMetrics(y, p, 0.3); return b.rocAuc.upper! - b.rocAuc.lower!; };
    const small = width(2_000), large = width(50_000);
    // Width shrinks like 1/sqrt(n): 25× the rows, about a fifth of the width.
    expect(large).toBeLessThan(small / 3);
  });

  it('is deterministic for a seed and gives null intervals with one class', () => {
    const { y, p } = sample(3_000, 0.1, 4);
    expect(bootstrapMetrics(y, p, 0.5, { seed: 9 })).toEqual(bootstrapMetrics(y, p, 0.5, { seed: 9 }));
    const one = bootstrapMetrics(new Uint8Array(10), new Float64Array(10).fill(0.2), 0.5);
    expect(one.rocAuc).toEqual({ point: null, lower: null, upper: null });
  });

  it('gives the same intervals drawn in steps as all at once', () => {
    const { y, p } = sample(4_000, 0.05, 8);
    const stepped = createBootstrap(y, p, 0.3, { seed: 5 });
    expect(stepped.result().rocAuc.lower).toBeNull();
    while (stepped.step(30) < stepped.total);
    expect(stepped.result()).toEqual(bootstrapMetrics(y, p, 0.3, { seed: 5 }));
  });

  it('pairs two versions\' resamples: the difference interval is narrower than either interval and excludes 0 for a clear gap', () => {
    const { y, p } = sample(20_000, 0.05, 10);
    // A second model: the same scores plus noise, so it ranks worse on the same rows.
    const rng = createRng(11);
    const worse = Float64Array.from(p, (x) => Math.round(1000 * (x + 0.15 * rng.normal())) / 1000);
    const a = createBootstrap(y, p, 0.3), b = createBootstrap(y, worse, 0.3);
    a.step(a.total); b.step(b.total);
    const ra = a.result(), rb = b.result();
    const diff = pairedDifference({ point: ra.rocAuc.point, draws: a.draws().rocAuc }, { point: rb.rocAuc.point, draws: b.draws().rocAuc });
    expect(diff.point!).toBeCloseTo(rb.rocAuc.point! - ra.rocAuc.point!, 12);
    expect(diff.upper!).toBeLessThan(0);
    expect(diff.upper! - diff.lower!).toBeLessThan(ra.rocAuc.upper! - ra.rocAuc.lower!);
    // A version against itself differs by exactly 0 in every resample.
    const self = pairedDifference({ point: ra.rocAuc.point, draws: a.draws().rocAuc }, { point: ra.rocAuc.point, draws: a.draws().rocAuc });
    expect(self).toEqual({ point: 0, lower: 0, upper: 0 });
  });

  it('runs 200 resamples on 200k rows within a generous bound', () => {
    const { y, p } = sample(200_000, 0.01, 5);
    const started = performance.now();
    const b = bootstrapMetrics(y, p, 0.3, { resamples: 200 });
    const ms = performance.now() - started;
    expect(b.resamples).toBe(200);
    expect(b.rocAuc.point).toBeCloseTo(rocAuc(y, p), 10);
    expect(b.rocAuc.lower!).toBeLessThan(b.rocAuc.upper!);
    // O(n) per resample: a few seconds; an O(n²) or per-resample sort would take minutes.
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});
