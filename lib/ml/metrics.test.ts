import { describe, expect, it } from 'vitest';
import {
  averagePrecision, brier, calibrationTable, confusionAt, evaluate, logLoss, prCurve, rocAuc, rocCurve,
  rocAucInterval, smallSampleWarning, recallAtFpr, logRocCurve,
} from './metrics';

describe('rocAuc', () => {
  it('matches the textbook example', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
  });
  it('counts ties as half (average rank)', () => {
    // pairs (pos,neg): (.5,.5)=½ (.5,.1)=1 (.5,.5)=½ (.5,.1)=1 → 3/4
    expect(rocAuc(new Uint8Array([1, 0, 1, 0]), new Float64Array([0.5, 0.5, 0.5, 0.1]))).toBeCloseTo(0.75, 12);
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBeCloseTo(0.875, 12);
    expect(rocAuc([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3])).toBeCloseTo(0.5, 12);
  });
  it('is 1 for a perfect ranking, 0 for a reversed one, NaN with one class', () => {
    expect(rocAuc([0, 0, 1], [0.1, 0.2, 0.9])).toBe(1);
    expect(rocAuc([1, 1, 0], [0.1, 0.2, 0.9])).toBe(0);
    expect(rocAuc([1, 1], [0.1, 0.2])).toBeNaN();
  });
});

describe('averagePrecision', () => {
  it('matches sklearn on the textbook example', () => {
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333, 9);
  });
  it('treats tied scores as one threshold', () => {
    // 0.9: recall ½ precision 1; 0.5 group: recall 1 precision ⅔ → ½ + ⅓
    expect(averagePrecision([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBeCloseTo(0.8333333333, 9);
  });
});

describe('probability scores', () => {
  it('log loss and Brier', () => {
    expect(logLoss([1, 0], [0.8, 0.3])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
    expect(brier([1, 0], [0.8, 0.3])).toBeCloseTo(0.065, 12);
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
  });
});

describe('confusionAt', () => {
  it('counts scores at or above the threshold as positive', () => {
    const c = confusionAt([1, 1, 0, 0, 1], [0.9, 0.5, 0.5, 0.1, 0.2], 0.5);
    expect(c).toMatchObject({ tp: 2, fp: 1, tn: 1, fn: 1 });
    expect(c.precision).toBeCloseTo(2 / 3);
    expect(c.recall).toBeCloseTo(2 / 3);
    expect(c.f1).toBeCloseTo(2 / 3);
    expect(c.fpr).toBeCloseTo(0.5);
  });
  it('returns zeros rather than NaN for empty denominators', () => {
    const c = confusionAt([0, 0], [0.1, 0.2], 0.9);
    expect(c.precision).toBe(0);
    expect(c.recall).toBe(0);
    expect(c.f1).toBe(0);
  });
});

describe('curves', () => {
  it('ROC runs from (0,0) to (1,1) and PR ends at recall 1', () => {
    const y = [0, 0, 1, 1], p = [0.1, 0.4, 0.35, 0.8];
    const roc = rocCurve(y, p);
    expect(roc[0]).toMatchObject({ x: 0, y: 0 });
    expect(roc.at(-1)).toMatchObject({ x: 1, y: 1, threshold: 0.1 });
    expect(roc.map((q) => [q.x, q.y])).toEqual([[0, 0], [0, 0.5], [0.5, 0.5], [0.5, 1], [1, 1]]);
    const pr = prCurve(y, p);
    expect(pr[0]).toEqual({ x: 0.5, y: 1, threshold: 0.8 });
    expect(pr.at(-1)).toMatchObject({ x: 1, y: 0.5 });
  });
  it('down-samples to at most maxPoints, keeping both ends', () => {
    const n = 5000;
    const y = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 1 : 0));
    const p = Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n);
    const roc = rocCurve(y, p);
    expect(roc.length).toBeLessThanOrEqual(200);
    expect(roc[0]).toMatchObject({ x: 0, y: 0 });
    expect(roc.at(-1)).toMatchObject({ x: 1, y: 1 });
    expect(prCurve(y, p, 50).length).toBeLessThanOrEqual(50);
  });
});

describe('calibrationTable and evaluate', () => {
  it('bins by predicted probability', () => {
    const t = calibrationTable([0, 1, 1, 0], [0.05, 0.15, 0.95, 1], 10);
    expect(t).toHaveLength(10);
    expect(t[0]).toMatchObject({ count: 1, fractionPositive: 0 });
    expect(t[1]).toMatchObject({ count: 1, fractionPositive: 1 });
    expect(t[9]).toMatchObject({ count: 2, fractionPositive: 0.5 });
    expect(t[9].meanPredicted).toBeCloseTo(0.975);
    expect(t[5].meanPredicted).toBeNull();
  });
  it('returns one JSON-safe object', () => {
    const m = evaluate([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.5);
    expect(m.rocAuc).toBeCloseTo(0.75);
    expect(m.n).toBe(4);
    expect(m.positives).toBe(2);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
    expect(evaluate([0, 0], [0.1, 0.2], 0.5).rocAuc).toBeNull();
  });
});

describe('small samples', () => {
  it('gives a wide interval for 3 + 6 labels and a narrow one for 3,000 + 6,000', () => {
    const [lo, hi] = rocAucInterval(0.35, 3, 6)!;
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0.7);
    const [lo2, hi2] = rocAucInterval(0.9, 3000, 6000)!;
    expect(hi2 - lo2).toBeLessThan(0.02);
    expect(lo2).toBeLessThan(0.9);
    expect(hi2).toBeGreaterThan(0.9);
    expect(rocAucInterval(NaN, 0, 9)).toBeNull();
  });

  it('warns below 30 labels of either class, not above', () => {
    expect(smallSampleWarning(3, 6)).toMatch(/Only 3 fraud and 6 legitimate labels/);
    expect(smallSampleWarning(29, 500)).not.toBeNull();
    expect(smallSampleWarning(30, 30)).toBeNull();
  });
});

describe('recallAtFpr and logRocCurve', () => {
  it('takes the highest recall with FPR at or under the limit, ties as one step', () => {
    // Descending: 0.9 (1), 0.8 (0), 0.7 (1), 0.6 (1), 0.1 (0 ×6); 10 negatives would make each fp 10%.
    const y = [1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const p = [0.9, 0.8, 0.7, 0.6, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    expect(recallAtFpr(y, p, 0.05)).toBeCloseTo(1 / 3, 12);
    expect(recallAtFpr(y, p, 0.1)).toBe(1);
    expect(recallAtFpr([1, 1], [0.1, 0.2], 0.01)).toBeNaN();
  });

  it('keeps points down to 1/negatives, spaced in log10(FPR), at most maxPoints', () => {
    const n = 100_000;
    const y = new Uint8Array(n), p = new Float64Array(n);
    for (let i = 0; i < n; i++) { y[i] = i % 50 === 0 ? 1 : 0; p[i] = ((i * 7919) % n) / n + (y[i] ? 0.3 : 0); }
    const pts = logRocCurve(y, p, 60);
    expect(pts.length).toBeLessThanOrEqual(61);
    expect(pts.length).toBeGreaterThan(20);
    expect(pts[0].x).toBeLessThan(1e-4);
    expect(pts.at(-1)).toMatchObject({ x: 1, y: 1 });
    for (let i = 1; i < pts.length; i++) { expect(pts[i].x).toBeGreaterThan(pts[i - 1].x); expect(pts[i].y).toBeGreaterThanOrEqual(pts[i - 1].y); }
    // Linear downsampling to 60 points would leave nothing below 1% FPR.
    expect(pts.filter((q) => q.x < 0.01).length).toBeGreaterThan(10);
  });
});

describe('rocAucInterval at a perfect split', () => {
  it('stays wide for 3 + 6 labels, where the normal approximation alone has zero width', () => {
    const [lo, hi] = rocAucInterval(1, 3, 6)!;
    expect(hi).toBe(1);
    expect(hi - lo).toBeGreaterThan(0.3);
  });
});
