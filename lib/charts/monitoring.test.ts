import { describe, expect, it } from 'vitest';
import { better, gapCount, parseThreshold, performanceRows, sweepRows, thresholdsFor } from './monitoring';

describe('monitoring chart prep', () => {
  it('parses typed thresholds strictly inside (0, 1)', () => {
    expect(parseThreshold('0.3')).toBe(0.3);
    expect(parseThreshold(' 0,25 ')).toBe(0.25);
    expect(parseThreshold('0.123456')).toBe(0.1235);
    for (const bad of ['', 'abc', '0', '1', '-0.2', '1.5', NaN]) expect(parseThreshold(bad as string)).toBeNull();
  });

  it('puts the band around the threshold', () => {
    const t = thresholdsFor(0.0909);
    expect(t.reviewThreshold).toBeLessThan(0.0909);
    expect(t.blockThreshold).toBeGreaterThan(0.0909);
  });

  it('keeps gaps in the performance series and marks the better side', () => {
    const rows = performanceRows([
      { day: '2025-01-01', labels: 40, scored: 90, precision: 0.5, recall: 0.8, fpr: 0.1, reviewRate: 0.2 },
      { day: '2025-01-02', labels: 3, scored: 80, precision: null, recall: null, fpr: null, reviewRate: 0.1 },
    ]);
    expect(rows[1]).toMatchObject({ label: '01-02', precision: null });
    expect(gapCount(rows)).toBe(1);
    expect(better(0.8, 0.7, true)).toBe('champion');
    expect(better(10, 7, false)).toBe('challenger');
    expect(better(null, 7, false)).toBeNull();
    expect(better(3, 3, true)).toBeNull();
    expect(sweepRows([{ threshold: 0.5, tp: 1, fp: 0, tn: 1, fn: 0, precision: 1, recall: 1, fpr: 0, reviewRate: 0.5, cost: 0 }])).toEqual([{ threshold: 0.5, precision: 1, recall: 1, reviewRate: 0.5, cost: 0 }]);
  });
});
