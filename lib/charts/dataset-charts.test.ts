import { describe, expect, it } from 'vitest';
import { columnStats } from '@/lib/data/column-stats';
import { columnChart, formatNumber, percent, topValueBars } from './dataset-charts';

describe('dataset charts', () => {
  it('formats numbers compactly', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234567)).toBe('1.23M');
    expect(formatNumber(25000)).toBe('25k');
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(-0.0001234)).toBe('-1.23e-4');
    expect(percent(1, 3)).toBe('33.3%');
    expect(percent(1, 0)).toBe('–');
  });

  it('turns a numeric column into histogram bars that sum to the present count', () => {
    const [stats] = columnStats(['amt'], [['1'], ['2'], [''], ['10']]);
    const chart = columnChart(stats);
    expect(chart.kind).toBe('histogram');
    if (chart.kind !== 'histogram') return;
    expect(chart.bars).toHaveLength(20);
    expect(chart.bars.reduce((a, b) => a + b.count, 0)).toBe(3);
    expect(chart.caption).toContain('1 missing');
  });

  it('turns a string column into top-value bars, clipping long labels and naming blanks', () => {
    const long = 'x'.repeat(40);
    const [stats] = columnStats(['c'], [['a'], ['a'], [long], ['b']]);
    expect(stats.type).toBe('string');
    if (stats.type !== 'string') return;
    const bars = topValueBars(stats);
    expect(bars[0]).toMatchObject({ label: 'a', count: 2 });
    expect(bars.find((b) => b.count === 1 && b.label.endsWith('…'))?.label.length).toBe(22);
    expect(bars[0].title).toContain('50.0%');
    const chart = columnChart(stats);
    expect(chart).toMatchObject({ kind: 'top-values', caption: '3 distinct' });
  });

  it('reports an all-missing column as empty', () => {
    const [stats] = columnStats(['c'], [[''], ['']]);
    expect(columnChart(stats).kind).toBe('empty');
  });
});
