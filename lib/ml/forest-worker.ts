// Random-forest tree growing on bins. Runs in-process or inside a worker thread (runForestWorker).
import { parentPort, workerData } from 'node:worker_threads';
import { createRng, type Rng } from './rng';
import { TreeBuilder, type BinnedTree } from './tree';
import type { ForestParams } from './types';

/** Everything a tree needs; bins and y may live in SharedArrayBuffers so workers read them without a copy. */
export interface ForestData {
  /** Row-major binned matrix (nRows * nFeatures). */
  bins: Uint8Array;
  y: Uint8Array;
  nRows: number;
  nFeatures: number;
  nBins: Uint16Array;
  params: ForestParams;
}

/** Independent, well-mixed seed per tree so a tree is identical whichever thread grows it. */
export function treeSeed(seed: number, tree: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(tree + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export function featuresPerSplit(maxFeatures: ForestParams['maxFeatures'], nFeatures: number): number {
  let k: number;
  if (maxFeatures === 'sqrt') k = Math.floor(Math.sqrt(nFeatures));
  else if (maxFeatures === 'log2') k = Math.floor(Math.log2(nFeatures));
  else if (maxFeatures > 0 && maxFeatures <= 1 && !Number.isInteger(maxFeatures)) k = Math.floor(maxFeatures * nFeatures);
  else k = Math.floor(maxFeatures);
  return Math.min(nFeatures, Math.max(1, k));
}

/** Per-thread scratch reused across trees. */
export class ForestScratch {
  weight: Float64Array;
  rows: Uint32Array;
  tmp: Uint32Array;
  count = new Float64Array(256);
  positives = new Float64Array(256);
  order: number[];
  constructor(nRows: number, nFeatures: number) {
    this.weight = new Float64Array(nRows);
    this.rows = new Uint32Array(nRows);
    this.tmp = new Uint32Array(nRows);
    this.order = Array.from({ length: nFeatures }, (_, f) => f);
  }
}

/** Fills scratch.rows with the drawn rows (ascending) and scratch.weight with multiplicities; returns the count. */
function drawRows(rng: Rng, d: ForestData, s: ForestScratch): number {
  const n = d.nRows;
  const draws = Math.max(1, Math.min(d.params.bootstrap ? Infinity : n, Math.round(d.params.sampleRate * n)));
  const w = s.weight;
  w.fill(0);
  if (d.params.bootstrap) {
    for (let k = 0; k < draws; k++) w[rng.int(n)] += 1;
  } else if (draws >= n) {
    w.fill(1);
  } else {
    // Selection sampling (Knuth's algorithm S): exactly `draws` rows without replacement, in order.
    let needed = draws;
    for (let i = 0; i < n && needed > 0; i++) if (rng.next() * (n - i) < needed) { w[i] = 1; needed--; }
  }
  let m = 0;
  for (let i = 0; i < n; i++) if (w[i] > 0) s.rows[m++] = i;
  return m;
}

interface Split { feature: number; bin: number; missingLeft: boolean; gain: number; wl: number; pl: number }

/**
 * Best Gini split of rows[start..end) over one feature. Gini decrease for a binary label is
 * 2(PL²/WL + PR²/WR − P²/W); we compare the bracket. Returns -1 if the feature is constant here.
 */
function scanFeature(d: ForestData, s: ForestScratch, f: number, start: number, end: number,
  W: number, P: number, best: Split): number {
  const { bins, y, nFeatures } = d;
  const nb = d.nBins[f];
  const { count, positives, rows, weight } = s;
  count.fill(0, 0, nb);
  positives.fill(0, 0, nb);
  for (let r = start; r < end; r++) {
    const i = rows[r];
    const b = bins[i * nFeatures + f];
    const w = weight[i];
    count[b] += w;
    positives[b] += y[i] * w;
  }
  let nonEmpty = 0;
  for (let b = 0; b < nb; b++) if (count[b] > 0) nonEmpty++;
  if (nonEmpty < 2) return -1;
  const minLeaf = Math.max(d.params.minLeaf, 1e-9);
  const parent = (P * P) / W;
  const wMiss = count[0], pMiss = positives[0];
  let wl = 0, pl = 0;
  const lastBin = wMiss > 0 ? nb : nb - 1;
  for (let b = 1; b < lastBin; b++) {
    wl += count[b]; pl += positives[b];
    if (count[b] === 0 && b > 1) continue; // same partition as the previous bin
    let wr = W - wl - wMiss;
    let wLeft = wl + wMiss;
    if (wLeft >= minLeaf && wr >= minLeaf) {
      const pr = P - pl - pMiss, pLeft = pl + pMiss;
      const gain = (pLeft * pLeft) / wLeft + (pr * pr) / wr - parent;
      if (gain > best.gain) Object.assign(best, { feature: f, bin: b, missingLeft: true, gain, wl: wLeft, pl: pLeft });
    }
    wr = W - wl;
    wLeft = wl;
    if (wMiss > 0 && wLeft >= minLeaf && wr >= minLeaf) {
      const pr = P - pl;
      const gain = (pl * pl) / wl + (pr * pr) / wr - parent;
      if (gain > best.gain) Object.assign(best, { feature: f, bin: b, missingLeft: false, gain, wl, pl });
    }
  }
  return 0;
}

function partition(d: ForestData, s: ForestScratch, start: number, end: number, split: Split): number {
  const { bins, nFeatures } = d;
  const { rows, tmp } = s;
  let l = start, rc = 0;
  for (let r = start; r < end; r++) {
    const i = rows[r];
    const b = bins[i * nFeatures + split.feature];
    if (b === 0 ? split.missingLeft : b <= split.bin) rows[l++] = i;
    else tmp[rc++] = i;
  }
  rows.set(tmp.subarray(0, rc), l);
  return l;
}

export function growForestTree(d: ForestData, treeIndex: number, s = new ForestScratch(d.nRows, d.nFeatures)): BinnedTree {
  const p = d.params;
  const rng = createRng(treeSeed(p.seed, treeIndex));
  const m = drawRows(rng, d, s);
  const maxDepth = p.depth > 0 ? p.depth : Infinity;
  const k = featuresPerSplit(p.maxFeatures, d.nFeatures);
  // Reset so the tree depends only on its own seed, not on trees this thread grew before.
  for (let f = 0; f < d.nFeatures; f++) s.order[f] = f;
  const builder = new TreeBuilder();

  let W = 0, P = 0;
  for (let r = 0; r < m; r++) { const i = s.rows[r]; W += s.weight[i]; P += s.weight[i] * d.y[i]; }
  builder.addLeaf(W > 0 ? P / W : 0, W);
  // Stack of open nodes: [node, start, end, depth, W, P].
  const stack: number[][] = [[0, 0, m, 0, W, P]];
  const best: Split = { feature: -1, bin: 0, missingLeft: false, gain: 0, wl: 0, pl: 0 };
  while (stack.length > 0) {
    const [node, start, end, depth, w, pos] = stack.pop()!;
    if (depth >= maxDepth || w < 2 * p.minLeaf || pos <= 0 || pos >= w || end - start < 2) continue;
    best.feature = -1; best.gain = 1e-12 * w;
    // Like sklearn: try k non-constant features, continuing past k only while no valid split exists.
    const order = s.order;
    let tried = 0;
    for (let j = 0; j < order.length; j++) {
      const r = j + rng.int(order.length - j);
      const f = order[r]; order[r] = order[j]; order[j] = f;
      if (scanFeature(d, s, f, start, end, w, pos, best) < 0) continue;
      if (++tried >= k && best.feature >= 0) break;
    }
    if (best.feature < 0) continue;
    const mid = partition(d, s, start, end, best);
    const wr = w - best.wl, pr = pos - best.pl;
    const [l, r] = builder.split(node, best.feature, best.bin, best.missingLeft, 2 * best.gain,
      best.pl / best.wl, best.wl, pr / wr, wr);
    stack.push([r, mid, end, depth + 1, wr, pr], [l, start, mid, depth + 1, best.wl, best.pl]);
  }
  return builder.build();
}

export interface GrowRequest { tree: number }
export interface GrowReply { tree: number; result: BinnedTree }

/** Worker-thread entry: grows the trees it is asked for until the port closes. */
export function runForestWorker(): void {
  if (!parentPort) throw new Error('runForestWorker must run inside a worker thread');
  const port = parentPort;
  const data = workerData as ForestData;
  const scratch = new ForestScratch(data.nRows, data.nFeatures);
  port.on('message', (msg: GrowRequest) => {
    const result = growForestTree(data, msg.tree, scratch);
    const transfer = [result.feature, result.splitBin, result.missingLeft, result.left, result.right,
      result.value, result.cover, result.gain].map((a) => a.buffer as ArrayBuffer);
    port.postMessage({ tree: msg.tree, result } satisfies GrowReply, transfer);
  });
}
