// Compiled predictor: all trees flattened into typed arrays, walked with raw feature values (no binning at score time).
import { compiledPredictor, treeScale } from './predict-compiled';
import type { FeatureMatrix } from './types';

export interface TreeEnsemble {
  kind: 'gbdt' | 'forest';
  nFeatures: number;
  featureNames: string[];
  /** gbdt: prior log-odds added to the margin; forest: 0. */
  baseScore: number;
  /** Flat arrays over all nodes of all trees. -1 = leaf. */
  feature: Int32Array;
  /** Raw-value threshold: go left if x <= threshold. */
  threshold: Float64Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf value: learningRate*weight (gbdt) or fraction positive (forest). */
  value: Float64Array;
  /** Hessian sum (gbdt) or weighted sample count (forest); used by TreeSHAP. */
  cover: Float64Array;
  /** Loss reduction of each split (0 at leaves); drives featureImportance. */
  gain?: Float64Array;
  treeRoots: Int32Array;
  /** gbdt with validation: 0-based round kept as best; the ensemble holds bestIteration+1 trees. */
  bestIteration?: number;
}

export interface SerializedEnsemble {
  format: 'vigil-tree-ensemble';
  version: 1;
  kind: TreeEnsemble['kind'];
  nFeatures: number;
  featureNames: string[];
  baseScore: number;
  bestIteration?: number;
  /** Little-endian typed-array bytes as base64. */
  arrays: Record<ArrayName, string> & { gain?: string };
}

type ArrayName = 'feature' | 'threshold' | 'missingLeft' | 'left' | 'right' | 'value' | 'cover' | 'treeRoots';

export function leafIndex(e: TreeEnsemble, root: number, row: ArrayLike<number>): number {
  const { feature, threshold, missingLeft, left, right } = e;
  let node = root;
  let f = feature[node];
  while (f >= 0) {
    const x = row[f];
    node = (x !== x ? missingLeft[node] === 1 : x <= threshold[node]) ? left[node] : right[node];
    f = feature[node];
  }
  return node;
}

/** gbdt: log-odds; forest: the probability itself. */
export function predictMargin(e: TreeEnsemble, row: ArrayLike<number>): number {
  let sum = 0;
  const roots = e.treeRoots;
  for (let t = 0; t < roots.length; t++) sum += e.value[leafIndex(e, roots[t], row)];
  return e.baseScore + sum * treeScale(e);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function predictProba(e: TreeEnsemble, row: ArrayLike<number>): number {
  const m = predictMargin(e, row);
  return e.kind === 'gbdt' ? sigmoid(m) : m;
}

/**
 * Probabilities for every row of a column-major matrix. Runs the ensemble's compiled predictor (built on first
 * use and cached per ensemble; see predict-compiled.ts), bit-identical to walking each row through predictProba.
 */
export function predictBatch(e: TreeEnsemble, X: FeatureMatrix, out?: Float64Array): Float64Array {
  if (X.columns.length < e.nFeatures) {
    throw new Error(`predictBatch: model needs ${e.nFeatures} features, matrix has ${X.columns.length}`);
  }
  const result = out ?? new Float64Array(X.nRows);
  compiledPredictor(e).predict(X.columns, X.nRows, result);
  return result;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk) as unknown as number[]);
  }
  return btoa(binary);
}

function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function encode(a: Int32Array | Float64Array | Uint8Array): string {
  return bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

export function serializeEnsemble(e: TreeEnsemble): SerializedEnsemble {
  const out: SerializedEnsemble = {
    format: 'vigil-tree-ensemble',
    version: 1,
    kind: e.kind,
    nFeatures: e.nFeatures,
    featureNames: e.featureNames.slice(),
    baseScore: e.baseScore,
    arrays: {
      feature: encode(e.feature),
      threshold: encode(e.threshold),
      missingLeft: encode(e.missingLeft),
      left: encode(e.left),
      right: encode(e.right),
      value: encode(e.value),
      cover: encode(e.cover),
      treeRoots: encode(e.treeRoots),
    },
  };
  if (e.gain) out.arrays.gain = encode(e.gain);
  if (e.bestIteration !== undefined) out.bestIteration = e.bestIteration;
  return out;
}

export function deserializeEnsemble(json: SerializedEnsemble | string): TreeEnsemble {
  const s: SerializedEnsemble = typeof json === 'string' ? JSON.parse(json) : json;
  if (s.format !== 'vigil-tree-ensemble' || s.version !== 1) {
    throw new Error(`deserializeEnsemble: unsupported format ${String(s.format)} v${String(s.version)}`);
  }
  // Copy into fresh buffers so every view is aligned for its element size.
  const i32 = (b: string) => { const u = base64ToBytes(b); return new Int32Array(u.buffer, 0, u.length >> 2); };
  const f64 = (b: string) => { const u = base64ToBytes(b); return new Float64Array(u.buffer, 0, u.length >> 3); };
  const e: TreeEnsemble = {
    kind: s.kind,
    nFeatures: s.nFeatures,
    featureNames: s.featureNames.slice(),
    baseScore: s.baseScore,
    feature: i32(s.arrays.feature),
    threshold: f64(s.arrays.threshold),
    missingLeft: base64ToBytes(s.arrays.missingLeft),
    left: i32(s.arrays.left),
    right: i32(s.arrays.right),
    value: f64(s.arrays.value),
    cover: f64(s.arrays.cover),
    treeRoots: i32(s.arrays.treeRoots),
  };
  if (s.arrays.gain) e.gain = f64(s.arrays.gain);
  if (s.bestIteration !== undefined) e.bestIteration = s.bestIteration;
  const n = e.feature.length;
  for (const k of ['threshold', 'missingLeft', 'left', 'right', 'value', 'cover'] as const) {
    if (e[k].length !== n) throw new Error(`deserializeEnsemble: ${k} has ${e[k].length} entries, expected ${n}`);
  }
  return e;
}

/**
 * Share of total split gain per feature (sums to 1), most important first.
 * Gain is the loss reduction of each split; older artefacts without it fall back to cover.
 */
export function featureImportance(e: TreeEnsemble): { name: string; gain: number }[] {
  const totals = new Float64Array(e.nFeatures);
  const weight = e.gain ?? e.cover;
  for (let k = 0; k < e.feature.length; k++) {
    const f = e.feature[k];
    if (f >= 0) totals[f] += weight[k];
  }
  let sum = 0;
  for (const v of totals) sum += v;
  return Array.from(totals, (g, f) => ({ name: e.featureNames[f] ?? `f${f}`, gain: sum > 0 ? g / sum : 0 }))
    .sort((a, b) => b.gain - a.gain);
}
