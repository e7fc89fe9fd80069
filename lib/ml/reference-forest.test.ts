import { describe, expect, it } from 'vitest';
import { rocAuc } from './metrics';
import { trainForest } from './forest';
import { loadReferenceForest, RowLimitError, trainReferenceForest } from './reference-forest';
import { createRng } from './rng';
import { stratifiedSplit, takeLabels, takeRows } from './split';
import type { FeatureMatrix } from './types';

/** n rows, ~rate positives, 6 features of which 3 carry signal (one non-linearly), 5% missing. */
export function synthetic(n: number, rate: number, seed: number): { X: FeatureMatrix; y: Uint8Array } {
  const rng = createRng(seed), d = 6;
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  const y = new Uint8Array(n);
  const bias = Math.log(rate / (1 - rate)) - 1.2;
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: d }, () => rng.normal());
    const z = bias + 1.5 * x[0] + 1.2 * x[1] * x[1] - 1.0 * x[2];
    y[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    x.forEach((v, j) => { columns[j][i] = j > 2 && rng.next() < 0.05 ? NaN : v; });
  }
  return { X: { nRows: n, columns, names: columns.map((_, j) => `x${j}`), categorical: columns.map(() => false) }, y };
}

describe('reference forest (ml-random-forest)', () => {
  const { X, y } = synthetic(2000, 0.03, 11);
  const { train, valid } = stratifiedSplit(y, 0.3, 1);
  const Xt = takeRows(X, train), yt = takeLabels(y, train), Xv = takeRows(X, valid), yv = takeLabels(y, valid);

  it('learns rare positives with gainThreshold 0 and round-trips through JSON', () => {
    const rf = trainReferenceForest(Xt, yt, { trees: 15, seed: 3 });
    const p = rf.predictBatch(Xv);
    expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(rocAuc(yv, p)).toBeGreaterThan(0.75);
    const back = loadReferenceForest(JSON.parse(JSON.stringify(rf.toJSON())));
    expect(Array.from(back.predictBatch(Xv))).toEqual(Array.from(p));
    const row = Xv.columns.map((c) => c[0]);
    expect(back.predictRow(row)).toBe(p[0]);
  }, 120_000);

  it('refuses more than 10,000 rows with a typed error', () => {
    const big = synthetic(10_001, 0.5, 2);
    let err: unknown;
    try { trainReferenceForest(big.X, big.y); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(RowLimitError);
    expect((err as Error).message).toMatch(/10,000.*'forest' or 'gbdt'/);
  });

  it('is matched or beaten by our forest on the same small data (AUC within 0.01)', async () => {
    // 2,000 training rows at 3% positives; AUC measured on 6,000 fresh rows so it is not noise.
    const tr = synthetic(2000, 0.03, 21), te = synthetic(6000, 0.03, 22);
    const ref = rocAuc(te.y, trainReferenceForest(tr.X, tr.y, { trees: 25, seed: 1 }).predictBatch(te.X));
    const { predictBatch } = await import('./ensemble');
    const ours = rocAuc(te.y, predictBatch(await trainForest(tr.X, tr.y, { trees: 100, seed: 1 }), te.X));
    console.log(`AUC ml-random-forest ${ref.toFixed(4)}, ours ${ours.toFixed(4)}`);
    expect(ours).toBeGreaterThanOrEqual(ref - 0.01);
  }, 180_000);
});
