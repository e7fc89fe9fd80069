import { describe, expect, it } from 'vitest';
import { confusionAt } from './metrics';
import { createRng } from './rng';
import { cheapestPoint, prepareSweep, sweepPoint, thresholdSweep } from './sweep';
import { expectedCost, reviewBand } from './threshold';

function sample(n: number, seed: number) {
  const rng = createRng(seed).next;
  const y = new Uint8Array(n), p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng() < 0.1 ? 1 : 0;
    p[i] = Math.min(1, Math.max(0, (y[i] ? 0.45 : 0.15) + (rng() - 0.5) * 0.6));
  }
  return { y, p };
}

describe('thresholdSweep', () => {
  const { y, p } = sample(2_000, 7);
  const costs = { costFp: 1, costFn: 10 };

  it('agrees with confusionAt and expectedCost at every swept threshold', () => {
    const sweep = thresholdSweep(y, p, costs);
    expect(sweep).toHaveLength(101);
    expect(sweep[0].threshold).toBe(0);
    expect(sweep[100].threshold).toBe(1);
    for (const s of sweep) {
      const c = confusionAt(y, p, s.threshold);
      expect([s.tp, s.fp, s.tn, s.fn]).toEqual([c.tp, c.fp, c.tn, c.fn]);
      expect(s.precision).toBeCloseTo(c.precision, 12);
      expect(s.recall).toBeCloseTo(c.recall, 12);
      expect(s.fpr).toBeCloseTo(c.fpr, 12);
      expect(s.cost).toBe(expectedCost(y, p, s.threshold, 1, 10));
    }
  });

  it('counts the review rate at the band around the threshold', () => {
    const prep = prepareSweep(y, p);
    const t = 0.3;
    const review = reviewBand(t).review;
    const expected = Array.from(p).filter((x) => x >= review).length / p.length;
    expect(sweepPoint(prep, t, costs).reviewRate).toBeCloseTo(expected, 12);
    // Recall never rises and the review rate never rises as the threshold goes up.
    const sweep = thresholdSweep(y, p, costs);
    for (let i = 1; i < sweep.length; i++) {
      expect(sweep[i].recall).toBeLessThanOrEqual(sweep[i - 1].recall);
      expect(sweep[i].reviewRate).toBeLessThanOrEqual(sweep[i - 1].reviewRate);
    }
  });

  it('handles empty data, one class, and bad input', () => {
    const empty = thresholdSweep([], [], { ...costs, points: 3 });
    expect(empty.map((s) => s.precision)).toEqual([0, 0, 0]);
    const allLegit = thresholdSweep([0, 0], [0.2, 0.8], { ...costs, points: 3 });
    expect(allLegit[1]).toMatchObject({ threshold: 0.5, fp: 1, tn: 1, recall: 0, cost: 1 });
    expect(() => thresholdSweep([1], [0.1, 0.2], costs)).toThrow(/differ/);
    expect(() => thresholdSweep([1], [0.1], { ...costs, points: 1 })).toThrow();
  });

  it('finds the cheapest threshold', () => {
    const sweep = thresholdSweep([1, 0, 0, 1], [0.9, 0.2, 0.6, 0.7], { costFp: 1, costFn: 10, points: 11 });
    const best = cheapestPoint(sweep)!;
    expect(best.cost).toBe(0);
    expect(best.threshold).toBeCloseTo(0.7, 9);
    expect(cheapestPoint([])).toBeNull();
  });
});
