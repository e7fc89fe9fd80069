// Histogram random forest: trees grown in parallel on worker_threads over one shared binned matrix.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { applyBins, fitBins, toRowMajor, type BinMapper } from './binning';
import type { TreeEnsemble } from './ensemble';
import { ForestScratch, growForestTree, type ForestData, type GrowReply, type GrowRequest } from './forest-worker';
import { assembleEnsemble, workerScript, type BinnedTree } from './tree';
import type { FeatureMatrix, ForestParams, ProgressFn } from './types';

export const DEFAULT_FOREST: ForestParams = {
  trees: 100, depth: 12, minLeaf: 5, maxFeatures: 'sqrt', sampleRate: 1, bootstrap: true, seed: 42, threads: 0,
};

/** Below this many rows, starting workers costs more than it saves. */
export const MIN_ROWS_FOR_WORKERS = 5_000;

export interface ForestOptions {
  onProgress?: ProgressFn;
  shouldStop?: () => boolean;
  mapper?: BinMapper;
  /** Throw if worker threads cannot start instead of silently growing in-process (tests, benchmarks). */
  requireWorkers?: boolean;
}

function prepare(X: FeatureMatrix, y: Uint8Array, params: Partial<ForestParams>, shared: boolean, mapper?: BinMapper) {
  if (y.length !== X.nRows) throw new Error(`labels (${y.length}) and rows (${X.nRows}) differ`);
  if (X.nRows === 0) throw new Error('cannot train on zero rows');
  const p: ForestParams = { ...DEFAULT_FOREST, ...params };
  const m = mapper ?? fitBins(X);
  const n = X.nRows;
  const F = X.columns.length;
  // SharedArrayBuffer: workers read the same memory instead of receiving a copy each.
  const bins = new Uint8Array(shared ? new SharedArrayBuffer(n * F) : new ArrayBuffer(n * F));
  toRowMajor(applyBins(X, m), n, bins);
  const labels = new Uint8Array(shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n));
  labels.set(y);
  const data: ForestData = { bins, y: labels, nRows: n, nFeatures: F, nBins: m.nBins, params: p };
  return { p, mapper: m, data };
}

function finish(trees: (BinnedTree | undefined)[], mapper: BinMapper): TreeEnsemble {
  return assembleEnsemble('forest', trees.filter((t): t is BinnedTree => t !== undefined), mapper, 0);
}

function growSequential(data: ForestData, trees: (BinnedTree | undefined)[], opts: ForestOptions): void {
  const scratch = new ForestScratch(data.nRows, data.nFeatures);
  const total = trees.length;
  let done = trees.filter(Boolean).length;
  for (let t = 0; t < total; t++) {
    if (trees[t]) continue;
    if (opts.shouldStop?.()) break;
    trees[t] = growForestTree(data, t, scratch);
    opts.onProgress?.(++done, total);
  }
}

export function trainForestSync(X: FeatureMatrix, y: Uint8Array, params: Partial<ForestParams>, opts: ForestOptions = {}): TreeEnsemble {
  const { p, mapper, data } = prepare(X, y, params, false, opts.mapper);
  const trees = new Array<BinnedTree | undefined>(p.trees);
  growSequential(data, trees, opts);
  return finish(trees, mapper);
}

/** Grows the missing trees on `threads` workers; resolves with the failure if workers failed (caller falls back in-process). */
function growOnWorkers(data: ForestData, trees: (BinnedTree | undefined)[], threads: number, opts: ForestOptions): Promise<Error | null> {
  const total = trees.length;
  return new Promise((resolve) => {
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let busy = 0;
    let settled = false;
    const end = (failure: Error | null) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      resolve(failure);
    };
    const dispatch = (w: Worker) => {
      if (next < total && !opts.shouldStop?.()) { busy++; w.postMessage({ tree: next++ } satisfies GrowRequest); }
      else if (busy === 0) end(null);
    };
    const src = workerScript(import.meta.url, 'forest-worker', 'runForestWorker');
    for (let k = 0; k < threads; k++) {
      const w = new Worker(src, { eval: true, workerData: data });
      workers.push(w);
      w.on('message', (msg: GrowReply) => {
        trees[msg.tree] = msg.result;
        busy--;
        opts.onProgress?.(++done, total);
        dispatch(w);
      });
      w.on('error', (err) => end(err instanceof Error ? err : new Error(String(err))));
      w.on('exit', (code) => { if (code !== 0) end(new Error(`forest worker exited with code ${code}`)); });
      dispatch(w);
    }
  });
}

export async function trainForest(X: FeatureMatrix, y: Uint8Array, params: Partial<ForestParams>,
  opts: ForestOptions = {}): Promise<TreeEnsemble> {
  const requested = params.threads ?? DEFAULT_FOREST.threads;
  const threads = Math.min(requested > 0 ? requested : availableParallelism(), params.trees ?? DEFAULT_FOREST.trees);
  if (threads <= 1 || X.nRows < MIN_ROWS_FOR_WORKERS) return trainForestSync(X, y, params, opts);
  const { p, mapper, data } = prepare(X, y, params, true, opts.mapper);
  const trees = new Array<BinnedTree | undefined>(p.trees);
  const failure = await growOnWorkers(data, trees, threads, opts);
  if (failure && opts.requireWorkers) throw new Error(`forest workers failed: ${failure.message}`);
  // A worker that cannot start (e.g. a bundle without forest-worker.js) must not fail training.
  if (failure) growSequential(data, trees, opts);
  return finish(trees, mapper);
}
