import { describe, expect, it } from 'vitest';
import { deserializeEnsemble, predictBatch, predictProba, serializeEnsemble } from './ensemble';
import { DEFAULT_FOREST, trainForest, trainForestSync } from './forest';
import { featuresPerSplit, treeSeed } from './forest-worker';
import { createRng } from './rng';
import type { FeatureMatrix } from './types';

/** ~1% positives from an interaction, a periodic term and a step; some values missing. */
function synthetic(n: number, seed: number): { X: FeatureMatrix; y: Uint8Array } {
  const rng = createRng(seed);
  const d = 6;
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) columns[f][i] = rng.normal();
    score[i] = 1.5 * columns[0][i] * columns[1][i] + 2 * Math.sin(2 * columns[2][i]) + (columns[3][i] > 1 ? 2 : 0) + 0.5 * rng.normal();
    if (rng.next() < 0.05) columns[4][i] = NaN;
  }
  const cut = Float64Array.from(score).sort()[Math.floor(n * 0.99)];
  const y = Uint8Array.from(score, (s) => (s > cut ? 1 : 0));
  return { X: { nRows: n, columns, names: columns.map((_, f) => `x${f}`), categorical: columns.map(() => false) }, y };
}

function auc(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  const idx = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumPos = 0, nPos = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    for (let k = i; k <= j; k++) if (y[idx[k]] === 1) { rankSumPos += (i + j) / 2 + 1; nPos++; }
    i = j + 1;
  }
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * (y.length - nPos));
}

const train = synthetic(20_000, 11);
const test = synthetic(10_000, 12);

describe('trainForest', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_FOREST).toEqual({ trees: 100, depth: 12, minLeaf: 5, maxFeatures: 'sqrt', sampleRate: 1, bootstrap: true, seed: 42, threads: 0 });
  });

  it('resolves maxFeatures like sklearn', () => {
    expect(featuresPerSplit('sqrt', 15)).toBe(3);
    expect(featuresPerSplit('log2', 15)).toBe(3);
    expect(featuresPerSplit(0.5, 15)).toBe(7);
    expect(featuresPerSplit(4, 15)).toBe(4);
    expect(featuresPerSplit(1, 15)).toBe(1);
    expect(treeSeed(42, 0)).not.toBe(treeSeed(42, 1));
  });

  it('learns the synthetic problem and outputs probabilities', async () => {
    let progress = 0;
    const model = await trainForest(train.X, train.y, { trees: 30, threads: 1 }, { onProgress: (d) => (progress = d) });
    expect(progress).toBe(30);
    expect(model.kind).toBe('forest');
    const p = predictBatch(model, test.X);
    for (const v of p) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1); }
    expect(auc(p, test.y)).toBeGreaterThan(0.9);
    for (let i = 0; i < 200; i++) expect(p[i]).toBe(predictProba(model, test.X.columns.map((c) => c[i])));
  });

  it('gives identical trees on 2 worker threads and in-process for the same seed', async () => {
    const params = { trees: 8, depth: 8, seed: 3 };
    let progress = 0;
    const threaded = await trainForest(train.X, train.y, { ...params, threads: 2 },
      { onProgress: (d) => (progress = d), requireWorkers: true });
    const single = trainForestSync(train.X, train.y, params);
    expect(progress).toBe(8);
    expect(threaded.treeRoots.length).toBe(8);
    expect(Array.from(threaded.treeRoots)).toEqual(Array.from(single.treeRoots));
    expect(Array.from(threaded.value)).toEqual(Array.from(single.value));
    expect(Array.from(threaded.threshold)).toEqual(Array.from(single.threshold));
  });

  it('supports subsampling without bootstrap, and stops when asked', async () => {
    let done = 0;
    const model = await trainForest(train.X, train.y, { trees: 20, bootstrap: false, sampleRate: 0.5, threads: 1 },
      { onProgress: (d) => (done = d), shouldStop: () => done >= 5 });
    expect(model.treeRoots.length).toBe(5);
    expect(auc(predictBatch(model, test.X), test.y)).toBeGreaterThan(0.85);
  });

  it('respects depth and minLeaf', () => {
    const model = trainForestSync(train.X, train.y, { trees: 3, depth: 3, minLeaf: 50 });
    for (let k = 0; k < model.feature.length; k++) if (model.feature[k] < 0) expect(model.cover[k]).toBeGreaterThanOrEqual(50);
    expect(model.feature.length).toBeLessThanOrEqual(3 * 15);
  });

  it('round-trips through serialisation', () => {
    const model = trainForestSync(train.X, train.y, { trees: 5 });
    const back = deserializeEnsemble(JSON.parse(JSON.stringify(serializeEnsemble(model))));
    expect(Array.from(predictBatch(back, test.X))).toEqual(Array.from(predictBatch(model, test.X)));
  });
});
