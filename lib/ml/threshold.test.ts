import { describe, expect, it } from 'vitest';
import { costOptimalThreshold, decide, expectedCost, reviewBand } from './threshold';

describe('threshold', () => {
  it('is C_fp / (C_fp + C_fn)', () => {
    expect(costOptimalThreshold(1, 10)).toBeCloseTo(1 / 11);
    expect(costOptimalThreshold(5, 5)).toBe(0.5);
    expect(() => costOptimalThreshold(0, 1)).toThrow();
  });
  it('puts the review band around the threshold in log-odds', () => {
    const b = reviewBand(0.5);
    expect(b.review).toBeCloseTo(1 / 3);
    expect(b.block).toBeCloseTo(2 / 3);
    const c = reviewBand(1 / 11);
    expect(c.review).toBeCloseTo(0.05 / 1.05);
    expect(c.block).toBeCloseTo(0.2 / 1.2);
    const tight = reviewBand(0.999);
    expect(tight.block).toBeLessThan(1);
    expect(reviewBand(0.3, { width: 1 })).toEqual({ review: expect.closeTo(0.3), block: expect.closeTo(0.3) });
  });
  it('decides allow / review / block with inclusive lower bounds', () => {
    const b = { review: 0.2, block: 0.6 };
    expect(decide(0.1, b)).toBe('allow');
    expect(decide(0.2, b)).toBe('review');
    expect(decide(0.59, b)).toBe('review');
    expect(decide(0.6, b)).toBe('block');
  });
  it('sums the cost of errors', () => {
    // fp at .7 (cost 1), fn at .2 (cost 10)
    expect(expectedCost([0, 1, 1, 0], [0.7, 0.2, 0.9, 0.1], 0.5, 1, 10)).toBe(11);
  });
  it('the cost-optimal threshold beats 0.5 on calibrated scores when misses cost more', () => {
    // y ~ Bernoulli(p): with calibrated p the threshold p* minimises expected cost.
    let s = 1;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    const p = Array.from({ length: 20000 }, () => rnd() ** 3);
    const y = p.map((q) => (rnd() < q ? 1 : 0));
    const t = costOptimalThreshold(1, 10);
    expect(expectedCost(y, p, t, 1, 10)).toBeLessThan(expectedCost(y, p, 0.5, 1, 10));
  });
});
