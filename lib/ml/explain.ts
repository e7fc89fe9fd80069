// Per-prediction feature contributions: path-dependent TreeSHAP (Lundberg et al. 2018, Algorithm 2), and a
// cheaper Saabas path attribution. Both give phi[0..d-1] + phi[d] (expected value) = predictMargin:
// log-odds for gbdt, probability for forest.
import type { TreeEnsemble } from './ensemble';

/** The unique-feature path of Algorithm 2, stored as parallel arrays; one slice per recursion depth. */
interface PathStore {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

function maxTreeDepth(e: TreeEnsemble, node: number): number {
  if (e.feature[node] < 0) return 0;
  return 1 + Math.max(maxTreeDepth(e, e.left[node]), maxTreeDepth(e, e.right[node]));
}

function extendPath(p: PathStore, at: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.weight[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[at + i + 1] += (one * p.weight[at + i] * (i + 1)) / (depth + 1);
    p.weight[at + i] = (zero * p.weight[at + i] * (depth - i)) / (depth + 1);
  }
}

function unwindPath(p: PathStore, at: number, depth: number, index: number): void {
  const one = p.one[at + index];
  const zero = p.zero[at + index];
  let nextOne = p.weight[at + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i];
      p.weight[at + i] = (nextOne * (depth + 1)) / ((i + 1) * one);
      nextOne = tmp - (p.weight[at + i] * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = (p.weight[at + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1];
    p.zero[at + i] = p.zero[at + i + 1];
    p.one[at + i] = p.one[at + i + 1];
  }
}

/** Total permutation weight of the path with element `index` removed. */
function unwoundPathSum(p: PathStore, at: number, depth: number, index: number): number {
  const one = p.one[at + index];
  const zero = p.zero[at + index];
  let nextOne = p.weight[at + depth];
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (nextOne * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      nextOne = p.weight[at + i] - (tmp * zero * (depth - i)) / (depth + 1);
    } else if (zero !== 0) {
      total += p.weight[at + i] / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

function recurse(e: TreeEnsemble, row: ArrayLike<number>, phi: Float64Array, scale: number, p: PathStore,
  node: number, parentAt: number, depth: number, zero: number, one: number, feature: number): void {
  // Each level works on its own copy of the parent's path, placed after it.
  const at = parentAt + depth;
  if (depth > 0) {
    p.feature.copyWithin(at, parentAt, parentAt + depth);
    p.zero.copyWithin(at, parentAt, parentAt + depth);
    p.one.copyWithin(at, parentAt, parentAt + depth);
    p.weight.copyWithin(at, parentAt, parentAt + depth);
  }
  extendPath(p, at, depth, zero, one, feature);

  const split = e.feature[node];
  if (split < 0) {
    const v = e.value[node] * scale;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundPathSum(p, at, depth, i);
      phi[p.feature[at + i]] += w * (p.one[at + i] - p.zero[at + i]) * v;
    }
    return;
  }
  const x = row[split];
  const goLeft = x !== x ? e.missingLeft[node] === 1 : x <= e.threshold[node];
  const hot = goLeft ? e.left[node] : e.right[node];
  const cold = goLeft ? e.right[node] : e.left[node];
  const cover = e.cover[node];
  const hotZero = cover > 0 ? e.cover[hot] / cover : 0;
  const coldZero = cover > 0 ? e.cover[cold] / cover : 0;
  let incomingZero = 1;
  let incomingOne = 1;
  let d = depth;
  // A feature already on the path is merged rather than counted twice.
  let k = 1;
  while (k <= d && p.feature[at + k] !== split) k++;
  if (k <= d) {
    incomingZero = p.zero[at + k];
    incomingOne = p.one[at + k];
    unwindPath(p, at, d, k);
    d -= 1;
  }
  // A branch reached with zero weight on both sides contributes nothing (and would divide by zero).
  if (hotZero * incomingZero !== 0 || incomingOne !== 0) {
    recurse(e, row, phi, scale, p, hot, at, d + 1, hotZero * incomingZero, incomingOne, split);
  }
  if (coldZero * incomingZero !== 0) {
    recurse(e, row, phi, scale, p, cold, at, d + 1, coldZero * incomingZero, 0, split);
  }
}

/** Per-ensemble facts every explanation needs, computed once. */
interface ExplainCache {
  /** Cover-weighted mean leaf value below each node: what the subtree predicts when nothing is known. */
  expected: Float64Array;
  maxDepth: number;
}

const caches = new WeakMap<TreeEnsemble, ExplainCache>();

function fillExpected(e: TreeEnsemble, node: number, out: Float64Array): number {
  if (e.feature[node] < 0) return (out[node] = e.value[node]);
  const l = e.left[node], r = e.right[node];
  const el = fillExpected(e, l, out), er = fillExpected(e, r, out);
  const c = e.cover[node];
  return (out[node] = c > 0 ? (e.cover[l] * el + e.cover[r] * er) / c : 0.5 * (el + er));
}

function explainCache(e: TreeEnsemble): ExplainCache {
  let cache = caches.get(e);
  if (!cache) {
    const expected = new Float64Array(e.feature.length);
    let maxDepth = 0;
    for (let t = 0; t < e.treeRoots.length; t++) {
      fillExpected(e, e.treeRoots[t], expected);
      maxDepth = Math.max(maxDepth, maxTreeDepth(e, e.treeRoots[t]));
    }
    cache = { expected, maxDepth };
    caches.set(e, cache);
  }
  return cache;
}

function treeScale(e: TreeEnsemble): number {
  return e.kind === 'forest' && e.treeRoots.length > 0 ? 1 / e.treeRoots.length : 1;
}

/**
 * Contributions of each feature to predictMargin(e, row), plus the expected value in the last slot,
 * by path-dependent TreeSHAP. The sum over all nFeatures+1 entries equals predictMargin to floating-point
 * accuracy. Cost per tree grows with leaves × depth², so deep forests take tens of ms per row.
 */
export function contributions(e: TreeEnsemble, row: ArrayLike<number>): Float64Array {
  const phi = new Float64Array(e.nFeatures + 1);
  const scale = treeScale(e);
  const { expected, maxDepth } = explainCache(e);
  const size = ((maxDepth + 2) * (maxDepth + 3)) / 2;
  const p: PathStore = {
    feature: new Int32Array(size), zero: new Float64Array(size), one: new Float64Array(size), weight: new Float64Array(size),
  };
  let bias = e.baseScore;
  for (let t = 0; t < e.treeRoots.length; t++) {
    const root = e.treeRoots[t];
    bias += expected[root] * scale;
    recurse(e, row, phi, scale, p, root, 0, 0, 1, 1, -1);
  }
  phi[e.nFeatures] = bias;
  return phi;
}

/**
 * Fast path attribution (Saabas): along the row's path each split's feature gets the change in the
 * subtree's expected value. O(depth) per tree and the same exact sum as contributions(), but not Shapley
 * values (features near the root are favoured). Use it for bulk reason codes.
 */
export function pathContributions(e: TreeEnsemble, row: ArrayLike<number>): Float64Array {
  const phi = new Float64Array(e.nFeatures + 1);
  const scale = treeScale(e);
  const { expected } = explainCache(e);
  const { feature, threshold, missingLeft, left, right } = e;
  let bias = e.baseScore;
  for (let t = 0; t < e.treeRoots.length; t++) {
    let node = e.treeRoots[t];
    bias += expected[node] * scale;
    let f = feature[node];
    while (f >= 0) {
      const x = row[f];
      const next = (x !== x ? missingLeft[node] === 1 : x <= threshold[node]) ? left[node] : right[node];
      phi[f] += (expected[next] - expected[node]) * scale;
      node = next;
      f = feature[node];
    }
  }
  phi[e.nFeatures] = bias;
  return phi;
}

/** Top features by absolute contribution, for reason codes. */
export function topContributions(e: TreeEnsemble, row: ArrayLike<number>, k = 3, method: 'shap' | 'path' = 'shap'):
  { name: string; value: number; contribution: number }[] {
  const phi = method === 'shap' ? contributions(e, row) : pathContributions(e, row);
  return Array.from({ length: e.nFeatures }, (_, f) => ({ name: e.featureNames[f] ?? `f${f}`, value: row[f], contribution: phi[f] }))
    .filter((r) => r.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, k);
}
