import { describe, expect, it } from 'vitest';
import { stratifiedSplit, takeLabels, takeRows, timeSplit } from './split';

describe('stratifiedSplit', () => {
  const y = new Uint8Array(1000).map((_, i) => (i % 50 === 0 ? 1 : 0)); // 20 positives
  it('keeps the class ratio and partitions every row once', () => {
    const { train, valid } = stratifiedSplit(y, 0.25, 7);
    expect(valid.length).toBe(250);
    expect(train.length).toBe(750);
    expect(Array.from(valid).filter((i) => y[i] === 1).length).toBe(5);
    expect(new Set([...train, ...valid]).size).toBe(1000);
  });
  it('is deterministic per seed', () => {
    expect(stratifiedSplit(y, 0.2, 1).valid).toEqual(stratifiedSplit(y, 0.2, 1).valid);
    expect(stratifiedSplit(y, 0.2, 1).valid).not.toEqual(stratifiedSplit(y, 0.2, 2).valid);
  });
});

describe('timeSplit', () => {
  it('puts the latest rows in validation', () => {
    const ts = [50, 10, 40, 20, 30, NaN, 60, 0, 70, 80];
    const { train, valid } = timeSplit(ts, 0.3);
    expect(Array.from(valid)).toEqual([6, 8, 9]);
    expect(train.length).toBe(7);
  });
});

describe('takeRows', () => {
  it('selects rows of every column', () => {
    const X = { nRows: 3, columns: [Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)], names: ['a', 'b'], categorical: [false, true] };
    const Y = takeRows(X, [2, 0]);
    expect(Y.nRows).toBe(2);
    expect(Array.from(Y.columns[0])).toEqual([3, 1]);
    expect(Array.from(Y.columns[1])).toEqual([6, 4]);
    expect(Y.categorical).toEqual([false, true]);
    expect(Array.from(takeLabels(Uint8Array.of(0, 1, 1), [1, 0]))).toEqual([1, 0]);
  });
});
