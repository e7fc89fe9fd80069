// Trees as grown on bins, and their conversion into the flat raw-threshold TreeEnsemble.
import { binUpperEdge, type BinMapper } from './binning';
import type { TreeEnsemble } from './ensemble';

/** One tree in bin space: a row goes left when bin <= splitBin, or when its bin is 0 (missing) and missingLeft. */
export interface BinnedTree {
  feature: Int32Array; // -1 = leaf
  splitBin: Uint8Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  cover: Float64Array;
  gain: Float64Array;
}

/** Growable node store; typed arrays are produced once the tree is done. */
export class TreeBuilder {
  feature: number[] = [];
  splitBin: number[] = [];
  missingLeft: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];
  cover: number[] = [];
  gain: number[] = [];

  addLeaf(value: number, cover: number): number {
    const id = this.feature.length;
    this.feature.push(-1);
    this.splitBin.push(0);
    this.missingLeft.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(value);
    this.cover.push(cover);
    this.gain.push(0);
    return id;
  }

  /** Turns a leaf into a split node and returns [leftId, rightId]. */
  split(node: number, feature: number, splitBin: number, missingLeft: boolean, gain: number,
    leftValue: number, leftCover: number, rightValue: number, rightCover: number): [number, number] {
    const l = this.addLeaf(leftValue, leftCover);
    const r = this.addLeaf(rightValue, rightCover);
    this.feature[node] = feature;
    this.splitBin[node] = splitBin;
    this.missingLeft[node] = missingLeft ? 1 : 0;
    this.left[node] = l;
    this.right[node] = r;
    this.gain[node] = gain;
    return [l, r];
  }

  build(): BinnedTree {
    const tree: BinnedTree = {
      feature: Int32Array.from(this.feature),
      splitBin: Uint8Array.from(this.splitBin),
      missingLeft: Uint8Array.from(this.missingLeft),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      cover: Float64Array.from(this.cover),
      gain: Float64Array.from(this.gain),
    };
    fixInternalCovers(tree, 0);
    return tree;
  }
}

/** Internal cover = sum of children exactly, which TreeSHAP's cover fractions rely on. */
function fixInternalCovers(tree: BinnedTree, node: number): number {
  if (tree.feature[node] < 0) return tree.cover[node];
  const c = fixInternalCovers(tree, tree.left[node]) + fixInternalCovers(tree, tree.right[node]);
  tree.cover[node] = c;
  return c;
}

/** Leaf reached by row `row` of a row-major binned matrix. */
export function binnedLeaf(tree: BinnedTree, bins: Uint8Array, nFeatures: number, row: number): number {
  const { feature, splitBin, missingLeft, left, right } = tree;
  const base = row * nFeatures;
  let node = 0;
  let f = feature[0];
  while (f >= 0) {
    const b = bins[base + f];
    node = (b === 0 ? missingLeft[node] === 1 : b <= splitBin[node]) ? left[node] : right[node];
    f = feature[node];
  }
  return node;
}

/** Flattens binned trees into one ensemble with raw-value thresholds taken from the bin edges. */
export function assembleEnsemble(kind: TreeEnsemble['kind'], trees: BinnedTree[], mapper: BinMapper,
  baseScore: number, bestIteration?: number): TreeEnsemble {
  let total = 0;
  for (const t of trees) total += t.feature.length;
  const e: TreeEnsemble = {
    kind,
    nFeatures: mapper.thresholds.length,
    featureNames: mapper.names.slice(),
    baseScore,
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    missingLeft: new Uint8Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
    cover: new Float64Array(total),
    gain: new Float64Array(total),
    treeRoots: new Int32Array(trees.length),
  };
  if (bestIteration !== undefined) e.bestIteration = bestIteration;
  let offset = 0;
  trees.forEach((t, ti) => {
    e.treeRoots[ti] = offset;
    for (let i = 0; i < t.feature.length; i++) {
      const k = offset + i;
      const f = t.feature[i];
      e.feature[k] = f;
      e.threshold[k] = f >= 0 ? binUpperEdge(mapper, f, t.splitBin[i]) : 0;
      e.missingLeft[k] = t.missingLeft[i];
      e.left[k] = f >= 0 ? offset + t.left[i] : -1;
      e.right[k] = f >= 0 ? offset + t.right[i] : -1;
      e.value[k] = t.value[i];
      e.cover[k] = t.cover[i];
      e.gain![k] = t.gain[i];
    }
    offset += t.feature.length;
  });
  return e;
}

/**
 * Source for `new Worker(src, { eval: true })` that runs `entry()` exported by the sibling module `moduleBase`.
 * An eval'd (CommonJS) string needs no bundler support. Under tsx/vitest (.ts sources) it loads the .ts module
 * through tsx's API, resolved from this directory; from compiled .js it imports the .js sibling.
 */
export function workerScript(callerUrl: string, moduleBase: string, entry: string): string {
  const isTs = /\.[cm]?ts$/.test(new URL(callerUrl).pathname);
  const moduleUrl = JSON.stringify(new URL(`./${moduleBase}.${isTs ? 'ts' : 'js'}`, callerUrl).href);
  if (!isTs) return `import(${moduleUrl}).then((m) => m.${entry}());`;
  // tsx's CommonJS build of esm/api cannot tsImport, so resolve it by path and load the ESM build beside it.
  return `const url = require('node:url');`
    + `const api = require('node:module').createRequire(url.fileURLToPath(${moduleUrl})).resolve('tsx/esm/api');`
    + `import(url.pathToFileURL(api.replace(/\\.cjs$/, '.mjs')).href)`
    + `.then((tsx) => tsx.tsImport(${moduleUrl}, ${moduleUrl})).then((m) => m.${entry}());`;
}
