import { describe, expect, it } from 'vitest';
import { deserializeEnsemble, predictBatch, predictProba, serializeEnsemble, type TreeEnsemble } from './ensemble';
import { trainForest } from './forest';
import { trainGbdt } from './gbdt';
import { compiledPredictor, compilePredictor, predictBatchRowwise, type PredictorKind } from './predict-compiled';
import { createRng, type Rng } from './rng';
import type { FeatureMatrix } from './types';

const KINDS: PredictorKind[] = ['wasm', 'blocked'];

/** Awkward doubles: signed zeros, infinities, subnormals, values that need 17 digits. */
const SPECIAL = [0, -0, Infinity, -Infinity, 5e-324, -5e-324, 0.1 + 0.2, 1 / 3, -1e308, 1.7976931348623157e308, 2 ** -1074 * 3];

function pick(rng: Rng, xs: number[]): number { return xs[rng.int(xs.length)]; }

/** A random ensemble: trees of random shape laid out depth first, random thresholds (some NaN) and leaf values. */
function randomEnsemble(rng: Rng, kind: TreeEnsemble['kind'], nTrees: number, nFeatures: number, maxDepth: number,
  spine = false): TreeEnsemble {
  const feature: number[] = [], threshold: number[] = [], missingLeft: number[] = [], left: number[] = [], right: number[] = [], value: number[] = [];
  const roots: number[] = [];
  const grow = (depth: number): number => {
    const id = feature.length;
    feature.push(-1); threshold.push(0); missingLeft.push(0); left.push(-1); right.push(-1);
    value.push(rng.next() < 0.1 ? pick(rng, [0, -0, 1e-300, -2.5]) : rng.normal() * 0.3);
    // spine: every split has one leaf child, so a tree reaches maxDepth without growing exponentially.
    if (depth < maxDepth && (spine || rng.next() < 0.85)) {
      feature[id] = rng.int(nFeatures);
      const r = rng.next();
      threshold[id] = r < 0.05 ? NaN : r < 0.15 ? pick(rng, SPECIAL) : r < 0.4 ? Math.round(rng.normal() * 4) / 2 : rng.normal();
      missingLeft[id] = rng.next() < 0.5 ? 1 : 0;
      const flip = spine && rng.next() < 0.5;
      left[id] = grow(flip ? maxDepth : depth + 1);
      right[id] = grow(spine && !flip ? maxDepth : depth + 1);
    }
    return id;
  };
  for (let t = 0; t < nTrees; t++) roots.push(grow(0));
  const n = feature.length;
  return {
    kind, nFeatures, featureNames: Array.from({ length: nFeatures }, (_, f) => `f${f}`),
    baseScore: kind === 'gbdt' ? rng.normal() : 0,
    feature: Int32Array.from(feature), threshold: Float64Array.from(threshold), missingLeft: Uint8Array.from(missingLeft),
    left: Int32Array.from(left), right: Int32Array.from(right), value: Float64Array.from(value),
    cover: new Float64Array(n).fill(1), treeRoots: Int32Array.from(roots),
  };
}

/** Rows that hit thresholds exactly, NaN, infinities and signed zeros as well as ordinary values. */
function randomMatrix(rng: Rng, nRows: number, nColumns: number, e?: TreeEnsemble): FeatureMatrix {
  const columns = Array.from({ length: nColumns }, () => new Float64Array(nRows));
  for (let i = 0; i < nRows; i++) {
    for (let f = 0; f < nColumns; f++) {
      const r = rng.next();
      columns[f][i] = r < 0.1 ? NaN : r < 0.15 ? pick(rng, SPECIAL)
        : r < 0.3 && e ? e.threshold[rng.int(e.threshold.length)] : r < 0.5 ? Math.round(rng.normal() * 4) / 2 : rng.normal();
    }
  }
  return { nRows, columns, names: columns.map((_, f) => `f${f}`), categorical: columns.map(() => false) };
}

function expectIdentical(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  let bad = -1;
  for (let i = 0; i < actual.length && bad < 0; i++) if (!Object.is(actual[i], expected[i])) bad = i;
  expect(bad < 0 ? 'identical' : `row ${bad}: ${actual[bad]} vs ${expected[bad]}`).toBe('identical');
}

function checkAllKinds(e: TreeEnsemble, X: FeatureMatrix): void {
  const ref = predictBatchRowwise(e, X);
  for (let i = 0; i < X.nRows; i += Math.max(1, Math.floor(X.nRows / 50))) {
    expect(Object.is(predictProba(e, Float64Array.from(X.columns, (c) => c[i])), ref[i])).toBe(true);
  }
  for (const kind of KINDS) {
    const out = new Float64Array(X.nRows).fill(-1);
    const p = compilePredictor(e, kind);
    expect(p.kind).toBe(kind);
    p.predict(X.columns, X.nRows, out);
    expectIdentical(out, ref);
  }
  expectIdentical(predictBatch(e, X), ref);
}

describe('compiled predictors', () => {
  it('match the row-at-a-time walk bit for bit on random gbdt and forest ensembles', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 12; trial++) {
      const kind = trial % 3 === 2 ? 'forest' : 'gbdt';
      const nFeatures = 1 + rng.int(12);
      const e = randomEnsemble(rng, kind, 1 + rng.int(40), nFeatures, 1 + rng.int(9));
      // Sizes around the 1,024-row block, and a matrix with more columns than the model uses.
      const nRows = [1, 3, 1023, 1024, 1025, 2500][trial % 6];
      checkAllKinds(e, randomMatrix(rng, nRows, nFeatures + (trial % 2), e));
    }
  });

  it('handle an ensemble of one leaf, of no trees, and an empty matrix', () => {
    const rng = createRng(3);
    const leaf = randomEnsemble(rng, 'gbdt', 1, 2, 0);
    checkAllKinds(leaf, randomMatrix(rng, 10, 2));
    const none: TreeEnsemble = { ...leaf, treeRoots: new Int32Array(0) };
    checkAllKinds(none, randomMatrix(rng, 10, 2));
    checkAllKinds(randomEnsemble(rng, 'forest', 0, 2, 3), randomMatrix(rng, 5, 2));
    checkAllKinds(randomEnsemble(rng, 'gbdt', 5, 3, 4), randomMatrix(rng, 0, 3));
  });

  it('score deep trees (an unlimited-depth forest) the same way', () => {
    const rng = createRng(5);
    const e = randomEnsemble(rng, 'forest', 3, 4, 300, true);
    checkAllKinds(e, randomMatrix(rng, 700, 4, e));
  });

  it('match on trained models: gbdt with missing values and a category-code column, and a forest', async () => {
    const rng = createRng(21);
    const n = 6000, d = 6;
    const columns = Array.from({ length: d }, () => new Float64Array(n));
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < d - 1; f++) columns[f][i] = rng.next() < 0.1 ? NaN : rng.normal();
      columns[d - 1][i] = rng.int(8); // category codes, as the featurisers emit them
      const s = columns[0][i] * columns[1][i] + (columns[d - 1][i] === 3 ? 1.5 : 0) + (Number.isNaN(columns[2][i]) ? 1 : 0) + rng.normal();
      y[i] = s > 1.5 ? 1 : 0;
    }
    const X: FeatureMatrix = { nRows: n, columns, names: columns.map((_, f) => `x${f}`), categorical: columns.map((_, f) => f === d - 1) };
    const gbdt = trainGbdt(X, y, { rounds: 40, depth: 6, earlyStopping: 0 }, { threads: 1 });
    const forest = await trainForest(X, y, { trees: 10, depth: 12, threads: 1 });
    for (const e of [gbdt, forest]) {
      checkAllKinds(e, X);
      const back = deserializeEnsemble(JSON.parse(JSON.stringify(serializeEnsemble(e))));
      expectIdentical(predictBatch(back, X), predictBatchRowwise(e, X));
    }
  });

  it('is built once per ensemble and rebuilt when its arrays are replaced', () => {
    const rng = createRng(8);
    const e = randomEnsemble(rng, 'gbdt', 5, 3, 4);
    const p = compiledPredictor(e);
    expect(compiledPredictor(e)).toBe(p);
    expect(p.kind).toBe('wasm');
    e.value = e.value.map((v) => v * 2);
    expect(compiledPredictor(e)).not.toBe(p);
    checkAllKinds(e, randomMatrix(rng, 100, 3, e));
  });

  it('rejects ensembles whose nodes would walk out of the arrays or loop', () => {
    const rng = createRng(9);
    const e = randomEnsemble(rng, 'gbdt', 2, 3, 3);
    const split = e.feature.findIndex((f) => f >= 0);
    const loop = { ...e, left: e.left.slice() };
    loop.left[split] = split;
    expect(() => compilePredictor(loop)).toThrow(/bad children/);
    const badFeature = { ...e, feature: e.feature.slice() };
    badFeature.feature[split] = 7;
    expect(() => compilePredictor(badFeature)).toThrow(/feature 7/);
    expect(() => compilePredictor({ ...e, value: new Float64Array(1) })).toThrow(/value/);
    expect(() => predictBatch(e, randomMatrix(rng, 3, 2))).toThrow(/needs 3 features/);
  });
});
