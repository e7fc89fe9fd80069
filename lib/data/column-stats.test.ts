import { describe, expect, it } from 'vitest';
import { ColumnStatsAccumulator, columnStats, histogram, toNumber } from './column-stats';

describe('column statistics', () => {
  it('computes count, missing, min, max, mean and sample std of a numeric column', () => {
    const [s] = columnStats(['x'], [['2'], ['4'], [''], ['4'], ['4'], ['5'], ['5'], ['7'], ['9']]);
    expect(s).toMatchObject({ name: 'x', type: 'number', count: 9, missing: 1, min: 2, max: 9, mean: 5 });
    if (s.type !== 'number') throw new Error('numeric expected');
    expect(s.std).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.histogram).toHaveLength(20);
    expect(s.histogram.reduce((a, b) => a + b.count, 0)).toBe(8);
    expect(s.histogram[19]).toMatchObject({ to: 9, count: 1 });
  });

  it('falls back to string once any value is not a number, with distinct and top values', () => {
    const [s] = columnStats(['c'], [['1'], ['a'], ['b'], ['a'], [' '], ['a']]);
    expect(s).toMatchObject({ type: 'string', count: 6, missing: 1, distinct: 3, distinctCapped: false });
    if (s.type !== 'string') throw new Error('string expected');
    expect(s.top[0]).toEqual({ value: 'a', count: 3 });
    expect(s.top.map((t) => t.value)).toEqual(['a', '1', 'b']);
  });

  it('caps distinct counting and keeps only the top 10 values', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`v${i % 50}`]);
    const [s] = columnStats(['c'], rows, { distinctCap: 20 });
    if (s.type !== 'string') throw new Error('string expected');
    expect(s.distinct).toBe(20);
    expect(s.distinctCapped).toBe(true);
    expect(s.top).toHaveLength(10);
  });

  it('handles a constant column, an all-missing column and short rows', () => {
    const acc = new ColumnStatsAccumulator(['k', 'empty', 'tail']);
    acc.add(['3', '', '1']);
    acc.add(['3', '']);
    const [k, empty, tail] = acc.finish();
    expect(k).toMatchObject({ type: 'number', min: 3, max: 3, std: 0, histogram: [{ from: 3, to: 3, count: 2 }] });
    expect(empty).toMatchObject({ type: 'string', missing: 2, distinct: 0 });
    expect(tail).toMatchObject({ type: 'number', count: 2, missing: 1 });
  });

  it('samples a huge column deterministically but keeps exact moments', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [String(i)]);
    const a = columnStats(['x'], rows, { sampleCap: 100 })[0];
    const b = columnStats(['x'], rows, { sampleCap: 100 })[0];
    expect(a).toEqual(b);
    if (a.type !== 'number') throw new Error('numeric expected');
    expect(a.mean).toBeCloseTo(2499.5, 9);
    expect(a.histogramSample).toBe(100);
    expect(a.histogram.reduce((s, bin) => s + bin.count, 0)).toBe(100);
  });

  it('parses only whole finite numbers', () => {
    expect(toNumber(' 1e3 ')).toBe(1000);
    expect(toNumber('12abc')).toBeNull();
    expect(toNumber('Infinity')).toBeNull();
    expect(histogram([], 0, 1, 20)).toEqual([]);
  });
});
