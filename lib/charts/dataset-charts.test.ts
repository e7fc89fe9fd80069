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

  it('draws the label as a class balance, not a histogram of 0s and 1s', () => {
    const rows = [...Array.from({ length: 90 }, () => ['0']), ...Array.from({ length: 10 }, () => ['1'])];
    const [stats] = columnStats(['is_fraud'], rows);
    const chart = columnChart(stats, 'label');
    expect(chart.kind).toBe('class-balance');
    if (chart.kind !== 'class-balance') return;
    expect(chart.bars.map((b) => [b.label, b.count])).toEqual([['0', 90], ['1', 10]]);
    expect(chart.caption).toBe('Class balance: 0 90.0%, 1 10.0%');
    expect(columnChart(stats).kind).toBe('histogram');
  });

  it('names identifier-like columns and does not chart them: card numbers, unique ids', () => {
    const cards = Array.from({ length: 60 }, (_, i) => [String(4000_1234_5678_0000 + i * 7919)]);
    const [cc] = columnStats(['cc_num'], cards);
    expect(cc).toMatchObject({ type: 'number', idLike: true });
    expect(columnChart(cc)).toMatchObject({ kind: 'skipped', caption: 'Identifier-like (long digit strings in 60 rows): not charted.' });
    const [ids] = columnStats(['trans_num'], Array.from({ length: 60 }, (_, i) => [`t-${i}`]));
    expect(columnChart(ids)).toMatchObject({ kind: 'skipped', caption: 'Identifier-like (60 distinct values in 60 rows): not charted.' });
    // Few rows: even all-distinct values are still charted.
    const [few] = columnStats(['c'], [['a'], ['b'], ['c']]);
    expect(columnChart(few).kind).toBe('top-values');
    // Ordinary amounts are quantities, not identifiers.
    const [amt] = columnStats(['amt'], Array.from({ length: 60 }, (_, i) => [String(10 + i * 1.5)]));
    expect(columnChart(amt).kind).toBe('histogram');
  });
});
