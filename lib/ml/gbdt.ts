// Histogram gradient boosting for binary log-loss (XGBoost-hist / LightGBM family).
import { applyBins, fitBins, toRowMajor, type BinMapper } from './binning';
import type { TreeEnsemble } from './ensemble';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  buildHistogram, buildInHalves, findBestSplit, histogramBinsLeaf, histogramLayout, HistogramPool, partitionRows, subtractHistogram,
  toHistogramBins, type GbdtSplit, type HistogramBins, type HistogramLayout,
} from './histogram';
import { HistogramHelper } from './histogram-helper';
import { createRng, type Rng } from './rng';
import { assembleEnsemble, binnedLeaf, TreeBuilder, workerScript, type BinnedTree } from './tree';
import type { FeatureMatrix, GbdtParams, ProgressFn } from './types';

export const DEFAULT_GBDT: GbdtParams = {
  rounds: 200, depth: 6, maxLeaves: 0, learningRate: 0.1, minChildWeight: 1, l2: 1,
  subsample: 1, colsample: 1, scalePosWeight: 1, earlyStopping: 20, seed: 42,
};

export interface GbdtOptions {
  valid?: { X: FeatureMatrix; y: Uint8Array };
  onProgress?: ProgressFn;
  shouldStop?: () => boolean;
  /** Reuse a mapper fitted elsewhere (e.g. on the full dataset). */
  mapper?: BinMapper;
  /** 1 = stay on this thread; otherwise a helper thread builds half of each large histogram. Default 2. */
  threads?: number;
}

/** Below these sizes a second thread costs more in start-up and hand-offs than it saves. */
const MIN_ROWS_FOR_HELPER = 50_000;
const MIN_SEGMENT_FOR_HELPER = 16_384;

interface OpenLeaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  hist: Float64Array;
  split: GbdtSplit;
  grad: number;
  hess: number;
}

/** Per-training state reused across rounds, so the hot loops allocate nothing. */
interface Workspace {
  bins: HistogramBins;
  layout: HistogramLayout;
  pool: HistogramPool;
  gh: Float64Array;
  rows: Uint32Array;
  scratch: Uint32Array;
  params: GbdtParams;
  minHess: number;
  helper: HistogramHelper | null;
  halfHist: Float64Array;
}

/**
 * Large segments are always summed as two halves added at the end, on one thread or two, so the
 * floating-point result (and the model) is identical whether or when the helper thread is available.
 */
function fillHistogram(ws: Workspace, hist: Float64Array, start: number, end: number, features: Int32Array | null): void {
  if (end - start < MIN_SEGMENT_FOR_HELPER) {
    buildHistogram(hist, ws.layout, ws.bins, ws.gh, ws.rows, start, end, features);
  } else if (ws.helper?.ready) {
    ws.helper.build(hist, ws.layout, start, end, features);
  } else {
    buildInHalves(hist, ws.halfHist, ws.layout, ws.bins, ws.gh, ws.rows, start, end, features);
  }
}

function leafWeight(G: number, H: number, p: GbdtParams): number {
  return (-G / (H + p.l2)) * p.learningRate;
}

function newSplit(): GbdtSplit {
  return { feature: -1, bin: 0, missingLeft: false, gain: 0, gradLeft: 0, hessLeft: 0 };
}

/** Grows one tree over ws.rows[0..nRows); leaves' row segments are returned for the margin update. */
function growTree(ws: Workspace, nRows: number, features: Int32Array, allFeatures: boolean):
  { tree: BinnedTree; leafNode: number[]; leafStart: number[]; leafEnd: number[] } {
  const { params: p, layout, pool, bins, gh, rows, scratch, minHess } = ws;
  const histFeatures = allFeatures ? null : features;
  const maxDepth = p.depth > 0 ? p.depth : Infinity;
  const builder = new TreeBuilder();
  const segStart: number[] = [];
  const segEnd: number[] = [];

  let G = 0;
  let H = 0;
  for (let r = 0; r < nRows; r++) { const i = rows[r]; G += gh[2 * i]; H += gh[2 * i + 1]; }
  builder.addLeaf(leafWeight(G, H, p), H);
  segStart.push(0); segEnd.push(nRows);

  const open: OpenLeaf[] = [];
  const tryOpen = (node: number, start: number, end: number, depth: number, hist: Float64Array, g: number, h: number) => {
    const split = newSplit();
    if (findBestSplit(hist, layout, features, g, h, p.l2, minHess, split)) {
      open.push({ node, start, end, depth, hist, split, grad: g, hess: h });
    } else pool.release(hist);
  };
  if (maxDepth > 0 && nRows >= 2) {
    const hist = pool.acquire();
    fillHistogram(ws, hist, 0, nRows, histFeatures);
    tryOpen(0, 0, nRows, 0, hist, G, H);
  }

  let leaves = 1;
  const bestFirst = p.maxLeaves > 0;
  while (open.length > 0 && (!bestFirst || leaves < p.maxLeaves)) {
    let pick = open.length - 1;
    if (bestFirst) for (let k = 0; k < open.length; k++) if (open[k].split.gain > open[pick].split.gain) pick = k;
    const leaf = open[pick];
    open[pick] = open[open.length - 1];
    open.pop();

    const s = leaf.split;
    const mid = partitionRows(rows, scratch, leaf.start, leaf.end, bins, layout, s.feature, s.bin, s.missingLeft);
    const gL = s.gradLeft, hL = s.hessLeft, gR = leaf.grad - gL, hR = leaf.hess - hL;
    const [l, r] = builder.split(leaf.node, s.feature, s.bin, s.missingLeft, s.gain,
      leafWeight(gL, hL, p), hL, leafWeight(gR, hR, p), hR);
    segStart.push(leaf.start, mid); segEnd.push(mid, leaf.end);
    leaves++;

    const depth = leaf.depth + 1;
    const canGrow = depth < maxDepth;
    const needL = canGrow && mid - leaf.start >= 2 && hL >= 2 * minHess;
    const needR = canGrow && leaf.end - mid >= 2 && hR >= 2 * minHess;
    if (!needL && !needR) { pool.release(leaf.hist); continue; }
    // Build the smaller child; the parent's buffer becomes the larger child by subtraction.
    const leftSmaller = mid - leaf.start <= leaf.end - mid;
    const small = pool.acquire();
    if (leftSmaller) fillHistogram(ws, small, leaf.start, mid, histFeatures);
    else fillHistogram(ws, small, mid, leaf.end, histFeatures);
    subtractHistogram(leaf.hist, small);
    const histL = leftSmaller ? small : leaf.hist;
    const histR = leftSmaller ? leaf.hist : small;
    if (needL) tryOpen(l, leaf.start, mid, depth, histL, gL, hL); else pool.release(histL);
    if (needR) tryOpen(r, mid, leaf.end, depth, histR, gR, hR); else pool.release(histR);
  }
  for (const leaf of open) pool.release(leaf.hist);

  const tree = builder.build();
  const leafNode: number[] = [];
  const leafStart: number[] = [];
  const leafEnd: number[] = [];
  for (let k = 0; k < tree.feature.length; k++) {
    if (tree.feature[k] < 0) { leafNode.push(k); leafStart.push(segStart[k]); leafEnd.push(segEnd[k]); }
  }
  return { tree, leafNode, leafStart, leafEnd };
}

function computeGradients(margin: Float64Array, y: Uint8Array, spw: number, gh: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const p = 1 / (1 + Math.exp(-margin[i]));
    const h = Math.max(p * (1 - p), 1e-16);
    if (y[i] === 1) { gh[2 * i] = (p - 1) * spw; gh[2 * i + 1] = h * spw; }
    else { gh[2 * i] = p; gh[2 * i + 1] = h; }
  }
}

function logLoss(margin: Float64Array, y: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const m = margin[i];
    // log(1+e^-m) for positives, log(1+e^m) for negatives, in a form that never overflows.
    const z = y[i] === 1 ? -m : m;
    sum += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
  return y.length ? sum / y.length : 0;
}

function sampleFeatures(rng: Rng, nFeatures: number, colsample: number): Int32Array {
  const all = Array.from({ length: nFeatures }, (_, f) => f);
  if (colsample >= 1) return Int32Array.from(all);
  const k = Math.max(1, Math.round(colsample * nFeatures));
  return Int32Array.from(rng.shuffle(all).slice(0, k).sort((a, b) => a - b));
}

function sampleRows(rng: Rng, nRows: number, subsample: number, rows: Uint32Array): number {
  if (subsample >= 1) { for (let i = 0; i < nRows; i++) rows[i] = i; return nRows; }
  let n = 0;
  for (let i = 0; i < nRows; i++) if (rng.next() < subsample) rows[n++] = i;
  return n;
}

function validateInputs(X: FeatureMatrix, y: Uint8Array): void {
  if (y.length !== X.nRows) throw new Error(`labels (${y.length}) and rows (${X.nRows}) differ`);
  if (X.nRows === 0) throw new Error('cannot train on zero rows');
}

export function trainGbdt(X: FeatureMatrix, y: Uint8Array, params: Partial<GbdtParams>, opts: GbdtOptions = {}): TreeEnsemble {
  validateInputs(X, y);
  const p: GbdtParams = { ...DEFAULT_GBDT, ...params };
  const n = X.nRows;
  const mapper = opts.mapper ?? fitBins(X);
  const layout = histogramLayout(mapper.nBins);
  // Shared memory lets the helper thread read bins, gradients and row order without copies.
  const useHelper = (opts.threads ?? 2) > 1 && n >= MIN_ROWS_FOR_HELPER && availableParallelism() > 1;
  const sharedOrLocal = (bytes: number) => (useHelper ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const ws: Workspace = {
    bins: toHistogramBins(applyBins(X, mapper), n, layout, useHelper),
    layout,
    pool: new HistogramPool(layout.totalBins * 2),
    gh: new Float64Array(sharedOrLocal(2 * n * 8)),
    rows: new Uint32Array(sharedOrLocal(n * 4)),
    scratch: new Uint32Array(n),
    params: p,
    minHess: Math.max(p.minChildWeight, 1e-8),
    helper: null,
    halfHist: new Float64Array(layout.totalBins * 2),
  };
  if (useHelper) {
    ws.helper = HistogramHelper.start(ws.bins, ws.gh, ws.rows, layout, Worker,
      workerScript(import.meta.url, 'histogram-helper', 'runHistogramWorker'));
  }
  try {
    return boost(X, y, p, opts, mapper, ws);
  } finally {
    ws.helper?.close();
  }
}

function boost(X: FeatureMatrix, y: Uint8Array, p: GbdtParams, opts: GbdtOptions, mapper: BinMapper, ws: Workspace): TreeEnsemble {
  const n = X.nRows;
  const F = X.columns.length;
  const layout = ws.layout;
  const rng = createRng(p.seed);

  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i];
  const weightedPos = pos * p.scalePosWeight;
  const prior = Math.min(Math.max(weightedPos / (weightedPos + (n - pos)), 1e-7), 1 - 1e-7);
  const baseScore = Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(baseScore);

  const valid = opts.valid;
  const validBins = valid ? toRowMajor(applyBins(valid.X, mapper), valid.X.nRows) : null;
  const validMargin = valid ? new Float64Array(valid.X.nRows).fill(baseScore) : null;
  const useEarlyStopping = !!valid && p.earlyStopping > 0;
  let bestLoss = Infinity;
  let bestRound = -1;

  const trees: BinnedTree[] = [];
  for (let round = 0; round < p.rounds; round++) {
    if (opts.shouldStop?.()) break;
    computeGradients(margin, y, p.scalePosWeight, ws.gh);
    const features = sampleFeatures(rng, F, p.colsample);
    const nSample = sampleRows(rng, n, p.subsample, ws.rows);
    const { tree, leafNode, leafStart, leafEnd } = growTree(ws, nSample, features, features.length === F);
    trees.push(tree);

    if (nSample === n) {
      // Every row sits in exactly one leaf segment: no traversal needed.
      for (let k = 0; k < leafNode.length; k++) {
        const v = tree.value[leafNode[k]];
        for (let r = leafStart[k]; r < leafEnd[k]; r++) margin[ws.rows[r]] += v;
      }
    } else {
      for (let i = 0; i < n; i++) margin[i] += tree.value[histogramBinsLeaf(tree, ws.bins, layout, i)];
    }

    if (valid && validBins && validMargin) {
      for (let i = 0; i < valid.X.nRows; i++) validMargin[i] += tree.value[binnedLeaf(tree, validBins, F, i)];
      const loss = logLoss(validMargin, valid.y);
      if (loss < bestLoss - 1e-12) { bestLoss = loss; bestRound = round; }
    }
    opts.onProgress?.(round + 1, p.rounds);
    if (useEarlyStopping && round - bestRound >= p.earlyStopping) break;
  }

  if (useEarlyStopping && bestRound >= 0) {
    trees.length = bestRound + 1;
    return assembleEnsemble('gbdt', trees, mapper, baseScore, bestRound);
  }
  return assembleEnsemble('gbdt', trees, mapper, baseScore);
}
