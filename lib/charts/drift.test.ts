import { describe, expect, it } from 'vitest';
import type { DriftFeatureView, DriftSnapshotView } from '@/lib/schemas/drift';
import {
  binLabels, featureHistogram, latestSnapshot, psiColor, psiDomainMax, psiHeatmap, rankedFeatures, scorePsiSeries, statusColor, volumeSeries, windowLabel,
} from './drift';

const feature = (name: string, psi: number, extra: Partial<DriftFeatureView> = {}): DriftFeatureView => ({
  name, type: 'numeric', psi, ks: 0, status: psi >= 0.25 ? 'alert' : psi >= 0.1 ? 'warn' : 'ok',
  baseline: [0.5, 0.5], current: [0.25, 0.75], edges: [1.5], baselineMissing: 0, currentMissing: 0, count: 100, ...extra,
});
const snap = (i: number, status: DriftSnapshotView['status'], scorePsi: number | null, features: DriftFeatureView[] = []): DriftSnapshotView => ({
  id: `s${i}`, modelVersionId: 'v', stage: 'production', window: 'hour', windowStart: `2026-11-21T${String(10 + i).padStart(2, '0')}:00:00.000Z`,
  windowEnd: '', count: 100 * (i + 1), flagRate: 0.0123, scorePsi, features, driftedShare: 0, status, createdAt: '',
});

describe('drift chart data', () => {
  it('labels windows in UTC', () => {
    expect(windowLabel('2026-11-21T13:00:00.000Z', 'hour')).toBe('11-21 13:00');
    expect(windowLabel('2026-11-21T00:00:00.000Z', 'day')).toBe('2026-11-21');
    expect(windowLabel('2026-11-16T00:00:00.000Z', 'week')).toBe('wk 2026-11-16');
  });
  it('score PSI series: coloured by status, no point for insufficient windows', () => {
    const pts = scorePsiSeries([snap(0, 'ok', 0.01234567), snap(1, 'insufficient', 0.9), snap(2, 'alert', 0.5)], 'hour');
    expect(pts.map((p) => p.scorePsi)).toEqual([0.0123, null, 0.5]);
    expect(pts.map((p) => p.color)).toEqual([statusColor('ok'), statusColor('insufficient'), statusColor('alert')]);
    expect(psiDomainMax(pts)).toBeCloseTo(0.525);
    expect(psiDomainMax([])).toBeGreaterThan(0.25);
  });
  it('volume series gives flag rate in %', () => {
    expect(volumeSeries([snap(0, 'ok', 0)], 'hour')).toEqual([{ label: '11-21 10:00', count: 100, flagRate: 1.23 }]);
  });
  it('psi colours go green → amber → red, grey for no data', () => {
    expect(psiColor(0.01)).toMatch(/^rgba\(47, 158, 68/);
    expect(psiColor(0.2)).toMatch(/^rgba\(240, 140, 0/);
    expect(psiColor(0.3)).toMatch(/^rgba\(224, 49, 49/);
    expect(psiColor(null)).toBe('#f1f3f5');
  });
  it('heatmap: features × sufficient windows, worst latest first', () => {
    const h = psiHeatmap([
      snap(0, 'ok', 0, [feature('a', 0.01), feature('b', 0.02)]),
      snap(1, 'insufficient', null, [feature('a', 3)]),
      snap(2, 'alert', 0.4, [feature('a', 0.05), feature('b', 0.6), feature('c', 0.2)]),
    ], 'hour');
    expect(h.columns.map((c) => c.id)).toEqual(['s0', 's2']);
    expect(h.rows.map((r) => r.feature)).toEqual(['b', 'c', 'a']);
    expect(h.rows[1].cells[0]).toMatchObject({ psi: null, color: '#f1f3f5' });
    expect(h.rows[0].cells[1].title).toBe('b, 11-21 12:00: PSI 0.600');
    expect(psiHeatmap([snap(0, 'ok', 0, [feature('a', 0)])], 'hour', 0).columns).toHaveLength(0);
  });
  it('bin labels follow (lower, upper]', () => {
    expect(binLabels([1, 2.5, 1000.4])).toEqual(['≤ 1', '1–2.5', '2.5–1000', '> 1000']);
    expect(binLabels([])).toEqual(['all']);
  });
  it('histogram: shares in % side by side, with a missing bar when present', () => {
    expect(featureHistogram(feature('a', 0.27))).toEqual([{ bin: '≤ 1.5', baseline: 50, current: 25 }, { bin: '> 1.5', baseline: 50, current: 75 }]);
    const withMissing = featureHistogram(feature('a', 1, { currentMissing: 0.5 }));
    expect(withMissing.at(-1)).toEqual({ bin: 'missing', baseline: 0, current: 50 });
    expect(withMissing.reduce((s, b) => s + b.current, 0)).toBeCloseTo(100);
  });
  it('latest snapshot skips insufficient windows; features ranked worst first', () => {
    const s = [snap(0, 'alert', 0.5, [feature('a', 0.1), feature('b', 0.9)]), snap(1, 'insufficient', null)];
    expect(latestSnapshot(s)?.id).toBe('s0');
    expect(latestSnapshot([snap(1, 'insufficient', null)])?.id).toBe('s1');
    expect(latestSnapshot([])).toBeNull();
    expect(rankedFeatures(s[0]).map((f) => f.name)).toEqual(['b', 'a']);
  });
});
