import { describe, expect, it } from 'vitest';
import { applyBins, binValue, fitBins, toRowMajor } from './binning';
import type { FeatureMatrix } from './types';

function matrix(columns: number[][], categorical?: boolean[]): FeatureMatrix {
  return {
    nRows: columns[0].length,
    columns: columns.map((c) => Float64Array.from(c)),
    names: columns.map((_, f) => `f${f}`),
    categorical: categorical ?? columns.map(() => false),
  };
}

describe('fitBins / applyBins', () => {
  it('puts NaN in bin 0 and present values in bins >= 1', () => {
    const X = matrix([[NaN, 1, 2, NaN, 3]]);
    const bins = applyBins(X, fitBins(X))[0];
    expect(Array.from(bins)).toEqual([0, 1, 2, 0, 3]);
  });

  it('gives a constant column a single real bin', () => {
    const X = matrix([[7, 7, 7, 7]]);
    const mapper = fitBins(X);
    expect(mapper.nBins[0]).toBe(2);
    expect(Array.from(applyBins(X, mapper)[0])).toEqual([1, 1, 1, 1]);
  });

  it('handles an all-missing column', () => {
    const X = matrix([[NaN, NaN]]);
    const mapper = fitBins(X);
    expect(Array.from(applyBins(X, mapper)[0])).toEqual([0, 0]);
  });

  it('gives each of a few distinct values its own bin, with unseen values binned consistently', () => {
    const X = matrix([[0, 10, 20, 10, 0, 20]]);
    const mapper = fitBins(X);
    expect(mapper.nBins[0]).toBe(4);
    expect(Array.from(applyBins(X, mapper)[0])).toEqual([1, 2, 3, 2, 1, 3]);
    const edges = mapper.thresholds[0];
    expect(binValue(edges, -100)).toBe(1);
    expect(binValue(edges, 4.9)).toBe(1);
    expect(binValue(edges, 15)).toBe(2);
    expect(binValue(edges, 15.1)).toBe(3);
    expect(binValue(edges, 1e9)).toBe(3);
  });

  it('caps many distinct values at maxBins real bins, roughly equal mass, monotone', () => {
    const n = 10_000;
    const col = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const X = matrix([col]);
    const mapper = fitBins(X, 64);
    expect(mapper.nBins[0]).toBeLessThanOrEqual(65);
    const bins = applyBins(X, mapper)[0];
    const counts = new Array(mapper.nBins[0]).fill(0);
    for (let i = 0; i < n; i++) counts[bins[i]]++;
    expect(counts[0]).toBe(0);
    expect(Math.max(...counts.slice(1))).toBeLessThan((n / 64) * 1.6);
    for (let i = 1; i < n; i++) {
      if (col[i] > col[i - 1]) expect(bins[i]).toBeGreaterThanOrEqual(bins[i - 1]);
    }
  });

  it('keeps a heavy value in its own bin', () => {
    const col = Array.from({ length: 1000 }, (_, i) => (i < 600 ? 0 : i));
    const mapper = fitBins(matrix([col]), 16);
    const bins = applyBins(matrix([col]), mapper)[0];
    expect(bins[0]).toBe(bins[599]);
    expect(bins[600]).toBeGreaterThan(bins[599]);
  });

  it('maps categorical code c to bin min(c+1, 255)', () => {
    const codes = [0, 1, 2, 5, 300, 254, 253, NaN];
    const X = matrix([codes], [true]);
    const bins = applyBins(X, fitBins(X))[0];
    expect(Array.from(bins)).toEqual([1, 2, 3, 6, 255, 255, 254, 0]);
  });

  it('samples rows deterministically for large data', () => {
    const col = Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 100);
    const a = fitBins(matrix([col]), 32, 1000);
    const b = fitBins(matrix([col]), 32, 1000);
    expect(Array.from(a.thresholds[0])).toEqual(Array.from(b.thresholds[0]));
  });

  it('transposes to row-major', () => {
    const rm = toRowMajor([Uint8Array.from([1, 2, 3]), Uint8Array.from([4, 5, 6])], 3);
    expect(Array.from(rm)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
