import { describe, expect, it } from 'vitest';
import { featureImportance, predictBatch } from './ensemble';
import { trainForest } from './forest';
import { trainGbdt } from './gbdt';
import { DataError, trainModel } from './model';
import { createRng } from './rng';
import { checkFeatureColumns, tooFewPositives, unusableColumns } from './training-checks';
import type { FeatureMatrix } from './types';

/** n rows: one informative column next to constant, all-NaN, all-±Infinity and partly infinite columns. */
function hostileMatrix(n: number): { X: FeatureMatrix; y: Uint8Array } {
  const rng = createRng(3);
  const signal = new Float64Array(n), partlyInfinite = new Float64Array(n), y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    signal[i] = rng.next();
    y[i] = rng.next() < signal[i] * 0.1 ? 1 : 0;
    partlyInfinite[i] = i % 3 === 0 ? Infinity : i % 3 === 1 ? -Infinity : signal[i];
  }
  const fill = (v: number) => new Float64Array(n).fill(v);
  const columns = [signal, fill(7), fill(NaN), fill(Infinity), fill(-Infinity), partlyInfinite];
  const names = ['signal', 'constant', 'nan', 'pos_inf', 'neg_inf', 'partly_infinite'];
  return { X: { nRows: n, columns, names, categorical: names.map(() => false) }, y };
}

describe('training checks', () => {
  it('asks for at least 20 fraud rows', () => {
    expect(tooFewPositives(7)).toBe('needs at least 20 fraud rows to train; found 7');
    expect(tooFewPositives(19)).toMatch(/found 19/);
    expect(tooFewPositives(20)).toBeNull();
  });

  it('finds constant and missing-everywhere columns, keeping partly missing ones', () => {
    const { X } = hostileMatrix(1000);
    const partlyMissing = new Float64Array(1000).fill(1);
    partlyMissing[500] = NaN;
    const withPartlyMissing = { ...X, columns: [...X.columns, partlyMissing], names: [...X.names, 'partly_missing'], categorical: [...X.categorical, false] };
    expect(unusableColumns(withPartlyMissing)).toEqual([
      { name: 'constant', reason: 'constant' }, { name: 'nan', reason: 'missing' },
      { name: 'pos_inf', reason: 'missing' }, { name: 'neg_inf', reason: 'missing' },
    ]);
    const log: string[] = [];
    expect(checkFeatureColumns(X, (m) => log.push(m))).toBeNull();
    expect(log).toContain("ignored constant column 'constant'");
    expect(log).toContain("ignored column 'nan': missing or not a finite number in every row");
    const dead = { ...X, columns: X.columns.slice(1, 5), names: X.names.slice(1, 5), categorical: X.categorical.slice(1, 5) };
    expect(checkFeatureColumns(dead)).toMatch(/^no usable feature: .*'constant' constant; 'nan' missing/);
  });

  it('GBDT and forest finish on such columns at 100k rows, never split on them and never predict NaN', async () => {
    const { X, y } = hostileMatrix(100_000);
    const gbdt = trainGbdt(X, y, { rounds: 30, depth: 6, seed: 1 });
    const forest = await trainForest(X, y, { trees: 10, depth: 8, threads: 1, seed: 1 });
    for (const model of [gbdt, forest]) {
      const p = predictBatch(model, X);
      let bad = 0;
      for (const v of p) if (!Number.isFinite(v) || v < 0 || v > 1) bad++;
      expect(bad).toBe(0);
      const used = new Set(featureImportance(model).filter((f) => f.gain > 0).map((f) => f.name));
      expect(used.has('signal')).toBe(true);
      for (const name of ['constant', 'nan', 'pos_inf', 'neg_inf']) expect(used.has(name)).toBe(false);
    }
  }, 120_000);
});

describe('trainModel on bad input', () => {
  const rows = (n: number, positives: number, extra: (i: number) => Record<string, string> = () => ({})) =>
    Array.from({ length: n }, (_, i) => ({ amount: String((i * 37) % 101), label: i < positives ? '1' : '0', ...extra(i) }));

  it('refuses fewer than 20 fraud rows with the count', async () => {
    await expect(trainModel({ rows: rows(500, 7), labelColumn: 'label', algorithm: 'gbdt' })).rejects.toThrow(new DataError('needs at least 20 fraud rows to train; found 7'));
  });

  it('logs ignored columns (constant, empty, Infinity text) and still trains on the rest', async () => {
    const stages: string[] = [];
    const m = await trainModel(
      { rows: rows(2000, 200, () => ({ country: 'FR', blank: '', inf: 'Infinity' })), labelColumn: 'label', algorithm: 'gbdt', params: { rounds: 10 } },
      { onStage: (s) => stages.push(s) },
    );
    expect(Number.isFinite(m.metrics.rocAuc)).toBe(true);
    const ignored = stages.filter((s) => s.startsWith('ignored'));
    expect(ignored.length).toBeGreaterThanOrEqual(3);
    expect(ignored.join('\n')).toMatch(/country/);
    expect(ignored.join('\n')).toMatch(/inf/);
  });

  it('fails with a DataError when no column can split the rows', async () => {
    const constant = Array.from({ length: 500 }, (_, i) => ({ amount: '5', note: 'x', label: i % 4 === 0 ? '1' : '0' }));
    await expect(trainModel({ rows: constant, labelColumn: 'label', algorithm: 'gbdt' })).rejects.toThrow(/no usable feature/);
  });
});
