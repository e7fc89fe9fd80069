// Every chart rendered to HTML with no data says why it is empty (never bare axes), and with data draws the
// chart instead of the sentence.
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HistogramChart } from '@/components/datasets/histogram-chart';
import { TopValuesChart } from '@/components/datasets/top-values-chart';
import { FeatureHistogramChart } from '@/components/drift/feature-histogram-chart';
import { ScorePsiChart } from '@/components/drift/score-psi-chart';
import { VolumeChart as DriftVolumeChart } from '@/components/drift/volume-chart';
import { CalibrationChart } from '@/components/models/calibration-chart';
import { LogRocChart } from '@/components/models/compare-log-roc';
import { CurvesChart } from '@/components/models/curves-chart';
import { ImportanceChart } from '@/components/models/importance-chart';
import { VersionReliabilityChart } from '@/components/models/version-reliability';
import { EstimateChart } from '@/components/monitoring/estimate-chart';
import { PerformanceChart } from '@/components/monitoring/performance-chart';
import { SweepChart } from '@/components/monitoring/sweep-chart';
import { VolumeChart as OverviewVolumeChart } from '@/components/overview/volume-chart';
import { EmptyChart, hasNoValues } from '@/components/ui/empty-chart';
import { performanceRows } from '@/lib/charts/monitoring';
import { volumeRows } from '@/lib/charts/volume';

const html = (el: ReactElement) => renderToString(el);
const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10));

describe('empty charts say why', () => {
  const cases: [string, ReactElement, string][] = [
    ['performance', createElement(PerformanceChart, { rows: [], precisionTarget: 0.8, recallTarget: null }), 'No labelled days yet'],
    ['performance, days without labels', createElement(PerformanceChart, {
      rows: performanceRows(days(14).map((day) => ({ day, labels: 0, scored: 0, precision: null, recall: null, fpr: null, reviewRate: null }))), precisionTarget: null, recallTarget: null,
    }), 'No labelled days yet'],
    ['sweep', createElement(SweepChart, { rows: [], threshold: 0.5 }), 'No threshold sweep yet'],
    ['estimate', createElement(EstimateChart, { metric: 'precision', name: 'Precision', rows: [], floor: null }), 'No precision to show'],
    ['score PSI', createElement(ScorePsiChart, { points: [{ label: '11-21', start: '2026-11-21T00:00:00Z', scorePsi: null, status: 'insufficient', color: '#ccc', count: 3, driftedShare: 0 }] }), 'No window has a score PSI yet'],
    ['drift volume', createElement(DriftVolumeChart, { points: [] }), 'No drift windows computed yet'],
    ['feature histogram', createElement(FeatureHistogramChart, { bars: [], name: 'amount' }), 'No histogram for amount'],
    ['dataset histogram', createElement(HistogramChart, { bars: [], column: 'amt' }), 'No numeric values in this column'],
    ['top values', createElement(TopValuesChart, { bars: [], column: 'city' }), 'No values in this column'],
    ['calibration', createElement(CalibrationChart, { rows: [] }), 'No calibration bins stored'],
    ['curves', createElement(CurvesChart, { kind: 'pr', rows: [], lines: [{ key: 'v', label: 'v1', color: '#000' }], testId: 'pr' }), 'No precision–recall curve stored'],
    ['importance', createElement(ImportanceChart, { rows: [] }), 'does not report feature importances'],
    ['log ROC', createElement(LogRocChart, { series: [{ id: 'a', label: 'v1', roc: [] }] }), 'No ROC points to draw'],
    ['reliability', createElement(VersionReliabilityChart, { before: [], after: [] }), 'No reliability bins stored'],
    ['overview volume', createElement(OverviewVolumeChart, { rows: volumeRows(days(14).map((day) => ({ day, total: 0, flagged: 0 }))) }), 'No transactions in the last 14 days'],
  ];
  for (const [name, el, reason] of cases) {
    it(`${name}: states the reason instead of drawing axes`, () => {
      const out = html(el);
      expect(out).toContain(reason);
      expect(out).toContain('role="note"');
      expect(out).not.toContain('recharts-wrapper');
    });
  }

  it('draws the chart, not the sentence, once there is data', () => {
    const rows = performanceRows(days(60).map((day, i) => ({ day, labels: 40, scored: 400, precision: i === 59 ? 0.9 : null, recall: null, fpr: null, reviewRate: null })));
    expect(html(createElement(PerformanceChart, { rows, precisionTarget: null, recallTarget: null }))).not.toContain('No labelled days yet');
    const volume = volumeRows(days(14).map((day, i) => ({ day, total: i === 13 ? 5 : 0, flagged: 0 })));
    expect(html(createElement(OverviewVolumeChart, { rows: volume }))).not.toContain('No transactions');
    expect(html(createElement(DriftVolumeChart, { points: [{ label: '11-21', count: 10, flagRate: 1 }] }))).not.toContain('No drift windows');
  });

  it('finds a value anywhere in a long series and treats NaN as no value', () => {
    const rows = Array.from({ length: 100_000 }, () => ({ a: null as number | null, b: Number.NaN }));
    expect(hasNoValues(rows, ['a', 'b'])).toBe(true);
    rows[99_999].a = 0;
    expect(hasNoValues(rows, ['a', 'b'])).toBe(false);
    expect(html(createElement(EmptyChart, { reason: 'Why', next: 'What next', testId: 'x' }))).toContain('data-testid="x"');
  });
});
