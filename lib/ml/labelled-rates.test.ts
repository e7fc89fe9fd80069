import { describe, expect, it } from 'vitest';
import { labelledRates } from './labelled-rates';

describe('labelled precision, recall and FPR', () => {
  it('every item labelled: the plain ratios', () => {
    expect(labelledRates({ tp: 8, fp: 2, tn: 85, fn: 5 }, 10, 90)).toEqual({ precision: 0.8, recall: 8 / 13, fpr: 2 / 87 });
  });

  it('a 5% sample of allowed items stands for all of them', () => {
    // 20 flagged, all labelled (16 fraud); 1,000 allowed, 50 sampled of which 1 fraud: about 20 missed frauds.
    const r = labelledRates({ tp: 16, fp: 4, tn: 49, fn: 1 }, 20, 1000);
    expect(r.precision).toBe(0.8);
    expect(r.recall).toBeCloseTo(16 / (16 + 20), 12);
    expect(r.fpr).toBeCloseTo(4 / (4 + 980), 12);
    // Counted as they stand, the same labels would claim 94% recall.
    expect(16 / 17).toBeGreaterThan(0.94);
  });

  it('half of the flagged items worked: they stand for the other half', () => {
    const r = labelledRates({ tp: 5, fp: 5, tn: 40, fn: 2 }, 20, 40);
    expect(r.recall).toBeCloseTo(10 / 12, 12);
    expect(r.fpr).toBeCloseTo(10 / 50, 12);
  });

  it('no labels on a side weighs nothing there, and counts never weigh below one', () => {
    expect(labelledRates({ tp: 0, fp: 0, tn: 10, fn: 2 }, 5, 12)).toEqual({ precision: 0, recall: 0, fpr: 0 });
    expect(labelledRates({ tp: 3, fp: 1, tn: 0, fn: 0 }, 2, 0)).toEqual({ precision: 0.75, recall: 1, fpr: 1 });
  });
});
