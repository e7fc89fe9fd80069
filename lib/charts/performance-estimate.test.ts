import { describe, expect, it } from 'vitest';
import { estimateRows, hasTraffic, largestGap, type EstimatePointInput } from './performance-estimate';

const point = (day: string, over: Partial<EstimatePointInput> = {}): EstimatePointInput => ({
  day, scored: 0, labels: 0, precision: null, recall: null, rocAuc: null, estimated: null, gap: null, ...over,
});

describe('performance estimate chart prep', () => {
  const points = [
    point('2026-12-01', { scored: 100, labels: 60, precision: 0.7, recall: 0.5, rocAuc: 0.9, estimated: { n: 100, precision: 0.65, recall: 0.52, rocAuc: 0.88 }, gap: { precision: 0.05, recall: -0.02, rocAuc: 0.02 } }),
    point('2026-12-02', { scored: 80, estimated: { n: 80, precision: 0.4, recall: 0.3, rocAuc: 0.7 }, gap: { precision: null, recall: null, rocAuc: null } }),
    point('2026-12-03'),
  ];

  it('keeps the realised, estimated and gap of one metric per day, with nulls where missing', () => {
    const rows = estimateRows(points, 'recall');
    expect(rows.map((r) => r.label)).toEqual(['12-01', '12-02', '12-03']);
    expect(rows[0]).toMatchObject({ realised: 0.5, estimated: 0.52, gap: -0.02, labels: 60 });
    expect(rows[1]).toMatchObject({ realised: null, estimated: 0.3, gap: null });
    expect(rows[2]).toMatchObject({ realised: null, estimated: null, gap: null, scored: 0 });
    expect(estimateRows(points, 'rocAuc')[0].estimated).toBe(0.88);
  });

  it('finds the largest gap by size and tells an empty window', () => {
    expect(largestGap(estimateRows(points, 'precision'))).toBe(0.05);
    expect(largestGap(estimateRows(points, 'recall'))).toBe(-0.02);
    expect(largestGap(estimateRows([point('2026-12-03')], 'recall'))).toBeNull();
    expect(hasTraffic(points)).toBe(true);
    expect(hasTraffic([point('2026-12-03')])).toBe(false);
  });
});
