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

// The split once spread a 160,000-element array into push(...) and overflowed the stack above about
// 120,000 rows of one class; this size would have caught it.
describe('splits at 500,000 rows', () => {
  const n = 500_000;
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) y[i] = (i * 2654435761) % 1000 < 30 ? 1 : 0; // 3% positives, scattered

  const checkPartition = (s: { train: Uint32Array; valid: Uint32Array }) => {
    expect(s.train.length + s.valid.length).toBe(n);
    const seen = new Uint8Array(n);
    let repeats = 0, unordered = 0;
    for (const part of [s.train, s.valid]) {
      for (let k = 0; k < part.length; k++) {
        if (seen[part[k]]++) repeats++;
        if (k > 0 && part[k] <= part[k - 1]) unordered++;
      }
    }
    expect({ repeats, unordered, unused: seen.indexOf(0) }).toEqual({ repeats: 0, unordered: 0, unused: -1 });
  };

  it('stratified: every row used once, class balance kept', () => {
    const s = stratifiedSplit(y, 0.2, 42);
    checkPartition(s);
    expect(s.valid.length).toBeGreaterThanOrEqual(n * 0.2 - 1);
    expect(s.valid.length).toBeLessThanOrEqual(n * 0.2 + 1);
    const rate = (idx: Uint32Array) => { let p = 0; for (const i of idx) p += y[i]; return p / idx.length; };
    let total = 0;
    for (const v of y) total += v;
    expect(Math.abs(rate(s.valid) - total / n)).toBeLessThan(1e-4);
    expect(Math.abs(rate(s.train) - total / n)).toBeLessThan(1e-4);
  });

  it('time-ordered: every row used once, validation is the latest fifth', () => {
    const ts = new Float64Array(n);
    for (let i = 0; i < n; i++) ts[i] = i % 97 === 0 ? NaN : (i * 7919) % n;
    const s = timeSplit(ts, 0.2);
    checkPartition(s);
    expect(s.valid.length).toBe(n * 0.2);
    let latestTrain = -Infinity, earliestValid = Infinity;
    for (const i of s.train) if (!Number.isNaN(ts[i])) latestTrain = Math.max(latestTrain, ts[i]);
    for (const i of s.valid) earliestValid = Math.min(earliestValid, Number.isNaN(ts[i]) ? -Infinity : ts[i]);
    expect(earliestValid).toBeGreaterThanOrEqual(latestTrain);
  });
});
