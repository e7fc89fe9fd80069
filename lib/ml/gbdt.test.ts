import { describe, expect, it } from 'vitest';
import { predictBatch, predictMargin, predictProba, serializeEnsemble, deserializeEnsemble, featureImportance } from './ensemble';
import { DEFAULT_GBDT, trainGbdt } from './gbdt';
import { createRng } from './rng';
import type { FeatureMatrix } from './types';

/** Nonlinear problem with ~1% positives, some missing values and one categorical column. */
function synthetic(n: number, seed: number): { X: FeatureMatrix; y: Uint8Array } {
  const rng = createRng(seed);
  const d = 8;
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d - 1; f++) columns[f][i] = rng.normal();
    columns[d - 1][i] = rng.int(6);
    const [a, b, c, e] = [columns[0][i], columns[1][i], columns[2][i], columns[3][i]];
    score[i] = 1.5 * a * b + 2 * Math.sin(2 * c) + (e > 1 ? 2 : 0) + (columns[d - 1][i] === 3 ? 1.5 : 0) + 0.5 * rng.normal();
    if (rng.next() < 0.05) columns[4][i] = NaN;
    if (rng.next() < 0.1) columns[3][i] = NaN;
  }
  const sorted = Float64Array.from(score).sort();
  const cut = sorted[Math.floor(n * 0.99)];
  const y = Uint8Array.from(score, (s) => (s > cut ? 1 : 0));
  return { X: { nRows: n, columns, names: columns.map((_, f) => `x${f}`), categorical: columns.map((_, f) => f === d - 1) }, y };
}

/** Rank AUC with tie handling (Mann–Whitney). */
function auc(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  const idx = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumPos = 0, nPos = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (y[idx[k]] === 1) { rankSumPos += rank; nPos++; }
    i = j + 1;
  }
  const nNeg = y.length - nPos;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

function rowOf(X: FeatureMatrix, i: number): Float64Array {
  return Float64Array.from(X.columns, (c) => c[i]);
}

const train = synthetic(20_000, 1);
const test = synthetic(10_000, 2);

describe('trainGbdt', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_GBDT).toEqual({ rounds: 200, depth: 6, maxLeaves: 0, learningRate: 0.1, minChildWeight: 1, l2: 1,
      subsample: 1, colsample: 1, scalePosWeight: 1, earlyStopping: 20, seed: 42 });
  });

  it('learns a nonlinear problem with 1% positives', () => {
    const model = trainGbdt(train.X, train.y, { rounds: 100, depth: 5 });
    expect(model.kind).toBe('gbdt');
    expect(model.treeRoots.length).toBe(100);
    expect(auc(predictBatch(model, test.X), test.y)).toBeGreaterThan(0.9);
    const prior = train.y.reduce((s, v) => s + v, 0) / train.y.length;
    expect(model.baseScore).toBeCloseTo(Math.log(prior / (1 - prior)), 10);
  });

  it('grows loss-guided trees limited by maxLeaves', () => {
    const model = trainGbdt(train.X, train.y, { rounds: 30, depth: 0, maxLeaves: 8, subsample: 0.8, colsample: 0.7 });
    for (let t = 0; t < model.treeRoots.length; t++) {
      const end = t + 1 < model.treeRoots.length ? model.treeRoots[t + 1] : model.feature.length;
      let leaves = 0;
      for (let k = model.treeRoots[t]; k < end; k++) if (model.feature[k] < 0) leaves++;
      expect(leaves).toBeLessThanOrEqual(8);
    }
    expect(auc(predictBatch(model, test.X), test.y)).toBeGreaterThan(0.85);
  });

  it('stops early on validation loss and keeps the best iteration', () => {
    const valid = synthetic(5_000, 3);
    let calls = 0;
    const model = trainGbdt(train.X, train.y, { rounds: 400, learningRate: 0.5, depth: 6, earlyStopping: 5 },
      { valid, onProgress: () => calls++ });
    expect(calls).toBeLessThan(400);
    expect(model.bestIteration).toBeDefined();
    expect(model.treeRoots.length).toBe(model.bestIteration! + 1);
    expect(calls).toBe(model.bestIteration! + 1 + 5);
  });

  it('honours shouldStop', () => {
    let rounds = 0;
    const model = trainGbdt(train.X, train.y, { rounds: 50 }, { onProgress: (d) => (rounds = d), shouldStop: () => rounds >= 3 });
    expect(model.treeRoots.length).toBe(3);
  });

  it('scalePosWeight raises predicted probabilities', () => {
    const base = trainGbdt(train.X, train.y, { rounds: 20 });
    const weighted = trainGbdt(train.X, train.y, { rounds: 20, scalePosWeight: 20 });
    const a = predictBatch(base, test.X), b = predictBatch(weighted, test.X);
    let meanA = 0, meanB = 0;
    for (let i = 0; i < a.length; i++) { meanA += a[i]; meanB += b[i]; }
    expect(meanB).toBeGreaterThan(meanA * 3);
  });

  it('is deterministic for a seed with subsampling', () => {
    const p = { rounds: 10, subsample: 0.7, colsample: 0.5, seed: 7 };
    const a = trainGbdt(train.X, train.y, p), b = trainGbdt(train.X, train.y, p);
    expect(Array.from(a.value)).toEqual(Array.from(b.value));
  });

  it('trains on wide data whose histogram offsets exceed 16 bits', () => {
    const n = 3000, d = 300, rng = createRng(8);
    const columns = Array.from({ length: d }, () => Float64Array.from({ length: n }, () => rng.normal()));
    const y = Uint8Array.from({ length: n }, (_, i) => (columns[d - 1][i] + columns[d - 2][i] > 1.5 ? 1 : 0));
    const X: FeatureMatrix = { nRows: n, columns, names: columns.map((_, f) => `w${f}`), categorical: columns.map(() => false) };
    const m = trainGbdt(X, y, { rounds: 20, depth: 3, subsample: 0.8 });
    expect(auc(predictBatch(m, X), y)).toBeGreaterThan(0.95);
    expect(m.feature.some((f) => f === d - 1)).toBe(true);
  });

  it('gives bit-identical models with and without the helper thread', () => {
    const big = synthetic(60_000, 4);
    const p = { rounds: 8, depth: 5 };
    const one = trainGbdt(big.X, big.y, p, { threads: 1 });
    const two = trainGbdt(big.X, big.y, p, { threads: 2 });
    expect(Array.from(two.value)).toEqual(Array.from(one.value));
    expect(Array.from(two.threshold)).toEqual(Array.from(one.threshold));
  });

  it('routes missing values to the learned side', () => {
    const n = 2000, rng = createRng(5);
    const x = new Float64Array(n), y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const missing = rng.next() < 0.3;
      x[i] = missing ? NaN : rng.normal();
      y[i] = missing ? 1 : x[i] > 1.5 ? 1 : 0;
    }
    const X: FeatureMatrix = { nRows: n, columns: [x], names: ['x'], categorical: [false] };
    const m = trainGbdt(X, y, { rounds: 30, depth: 2 });
    expect(predictProba(m, [NaN])).toBeGreaterThan(0.9);
    expect(predictProba(m, [0])).toBeLessThan(0.1);
    expect(predictProba(m, [2.5])).toBeGreaterThan(0.9);
  });
});

describe('compiled predictor', () => {
  const model = trainGbdt(train.X, train.y, { rounds: 40, subsample: 0.8 });

  it('predictBatch equals predictProba per row', () => {
    const batch = predictBatch(model, test.X);
    for (let i = 0; i < 500; i++) expect(batch[i]).toBe(predictProba(model, rowOf(test.X, i)));
  });

  it('round-trips through JSON with bit-identical predictions', () => {
    const json = JSON.stringify(serializeEnsemble(model));
    const back = deserializeEnsemble(JSON.parse(json));
    expect(back.treeRoots.length).toBe(model.treeRoots.length);
    const a = predictBatch(model, test.X), b = predictBatch(back, test.X);
    expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(true);
    for (let i = 0; i < 50; i++) expect(predictMargin(back, rowOf(test.X, i))).toBe(predictMargin(model, rowOf(test.X, i)));
    expect(deserializeEnsemble(json).baseScore).toBe(model.baseScore);
  });

  it('ranks the informative features first by gain', () => {
    const imp = featureImportance(model);
    expect(imp.reduce((s, r) => s + r.gain, 0)).toBeCloseTo(1, 10);
    const top = imp.slice(0, 4).map((r) => r.name);
    expect(top).toEqual(expect.arrayContaining(['x0', 'x1', 'x2']));
  });
});
