// ml-random-forest 2.1 as the selectable "reference" algorithm for small data (see DESIGN: it cannot scale).

import { RandomForestClassifier } from 'ml-random-forest';
import type { FeatureMatrix, ForestParams, ProgressFn } from './types';

export const REFERENCE_ROW_LIMIT = 10_000;

/** Thrown above the row limit; the server maps it to HTTP 422, the CLI to exit code 2. */
export class RowLimitError extends Error {
  readonly code = 'ROW_LIMIT';
  constructor(readonly rows: number, readonly limit = REFERENCE_ROW_LIMIT) {
    super(`ml-random-forest is limited to ${limit.toLocaleString('en-US')} training rows (got ${rows.toLocaleString('en-US')}); use algorithm 'forest' or 'gbdt' instead`);
    this.name = 'RowLimitError';
  }
}

export interface ReferenceForestJSON {
  format: 'ml-random-forest/2.1';
  featureNames: string[];
  /** Value substituted for NaN per feature (below the column minimum, so "missing" stays separable). */
  fill: number[];
  model: unknown;
}

export interface ReferenceForest {
  featureNames: string[];
  predictBatch(X: FeatureMatrix): Float64Array;
  predictRow(row: ArrayLike<number>): number;
  toJSON(): ReferenceForestJSON;
}

function rowsOf(X: FeatureMatrix, fill: number[]): number[][] {
  const out: number[][] = new Array(X.nRows);
  for (let i = 0; i < X.nRows; i++) {
    const r = new Array<number>(X.columns.length);
    for (let j = 0; j < r.length; j++) { const v = X.columns[j][i]; r[j] = v === v ? v : fill[j]; }
    out[i] = r;
  }
  return out;
}

/** ml-random-forest reads 0 < x ≤ 1 as a fraction and larger integers as a count, per tree. */
function maxFeaturesOption(m: ForestParams['maxFeatures'] | undefined, d: number): number {
  if (m === undefined) return 1.0; // it samples features per tree, not per split: keep them all (bagging)
  const count = m === 'sqrt' ? Math.ceil(Math.sqrt(d)) : m === 'log2' ? Math.ceil(Math.log2(d)) : m <= 1 ? Math.max(1, Math.floor(m * d)) : Math.min(d, Math.floor(m));
  if (count >= d) return 1.0;
  return count === 1 ? 1.5 / d : count; // the integer 1 would mean "100%"
}

function wrap(rf: RandomForestClassifier, featureNames: string[], fill: number[]): ReferenceForest {
  const predict = (rows: number[][]) => Float64Array.from(rf.predictProbability(rows, 1));
  return {
    featureNames,
    predictBatch: (X) => (X.nRows ? predict(rowsOf(X, fill)) : new Float64Array(0)),
    predictRow: (row) => predict([Array.from(row, (v, j) => (v === v ? v : fill[j]))])[0],
    toJSON: () => ({ format: 'ml-random-forest/2.1', featureNames, fill, model: rf.toJSON() }),
  };
}

export function trainReferenceForest(
  X: FeatureMatrix, y: Uint8Array, params: Partial<ForestParams> = {}, opts: { onProgress?: ProgressFn } = {},
): ReferenceForest {
  if (X.nRows > REFERENCE_ROW_LIMIT) throw new RowLimitError(X.nRows);
  let pos = 0;
  for (const v of y) pos += v;
  if (pos === 0 || pos === y.length) throw new Error('training data needs both classes');
  const fill = X.columns.map((col) => {
    let min = Infinity;
    for (const v of col) if (v < min) min = v;
    return Number.isFinite(min) ? min - 1 : 0;
  });
  const trees = params.trees ?? 50;
  opts.onProgress?.(0, trees);
  const rf = new RandomForestClassifier({
    nEstimators: trees,
    maxFeatures: maxFeaturesOption(params.maxFeatures, X.columns.length),
    replacement: false,
    seed: params.seed ?? 42,
    // The defaults learn nothing on rare fraud (gainThreshold 0.01) and OOB throws on small forests.
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { gainThreshold: 0, maxDepth: params.depth ?? Infinity, minNumSamples: params.minLeaf ?? 3 },
  });
  rf.train(rowsOf(X, fill), Array.from(y));
  opts.onProgress?.(trees, trees);
  return wrap(rf, X.names.slice(), fill);
}

export function loadReferenceForest(json: ReferenceForestJSON): ReferenceForest {
  if (json.format !== 'ml-random-forest/2.1') throw new Error(`not an ml-random-forest model: ${String(json.format)}`);
  const rf = RandomForestClassifier.load(json.model as Parameters<typeof RandomForestClassifier.load>[0]);
  return wrap(rf, json.featureNames, json.fill);
}
