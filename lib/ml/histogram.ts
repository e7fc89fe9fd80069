// Gradient histograms for boosting: per (feature, bin) sums of gradient and hessian, interleaved [g0,h0,g1,h1,...].
import { workerData, type Worker } from 'node:worker_threads';

export interface HistogramLayout {
  nFeatures: number;
  /** First slot of each feature's bins, in bins (not doubles). */
  offsets: Int32Array;
  nBins: Uint16Array;
  totalBins: number;
}

export function histogramLayout(nBins: Uint16Array): HistogramLayout {
  const offsets = new Int32Array(nBins.length);
  let total = 0;
  for (let f = 0; f < nBins.length; f++) { offsets[f] = total; total += nBins[f]; }
  return { nFeatures: nBins.length, offsets, nBins, totalBins: total };
}

/** Recycles histogram buffers so a round allocates nothing once warm. */
export class HistogramPool {
  private free: Float64Array[] = [];
  constructor(private readonly size: number) {}
  /** A zeroed buffer. */
  acquire(): Float64Array {
    const h = this.free.pop();
    if (!h) return new Float64Array(this.size);
    h.fill(0);
    return h;
  }
  release(h: Float64Array): void { this.free.push(h); }
}

export type HistogramBins = Uint16Array | Uint32Array;

/**
 * Row-major bins shifted by each feature's histogram offset, so the hot loop indexes the histogram
 * directly (one load fewer per cell than Uint8 bins plus an offset table).
 */
export function toHistogramBins(binned: Uint8Array[], nRows: number, layout: HistogramLayout, shared = false): HistogramBins {
  const F = layout.nFeatures;
  // Wide data (> ~256 features) overflows 16 bits.
  const wide = layout.totalBins > 0xffff;
  const bytes = nRows * F * (wide ? 4 : 2);
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const out = wide ? new Uint32Array(buffer) : new Uint16Array(buffer);
  for (let f = 0; f < F; f++) {
    const column = binned[f];
    const offset = layout.offsets[f];
    for (let i = 0, k = f; i < nRows; i++, k += F) out[k] = offset + column[i];
  }
  return out;
}

/**
 * Adds rows[start..end) into hist. bins come from toHistogramBins; gh holds [g,h] per row.
 * `features` null means every feature (the common case, kept free of an indirection).
 */
export function buildHistogram(hist: Float64Array, layout: HistogramLayout, bins: HistogramBins, gh: Float64Array,
  rows: Uint32Array, start: number, end: number, features: Int32Array | null): void {
  const F = layout.nFeatures;
  if (features === null) {
    let r = start;
    // Two rows per pass give the CPU independent add chains.
    for (; r + 1 < end; r += 2) {
      const i = rows[r];
      const j = rows[r + 1];
      const gi = gh[2 * i], hi = gh[2 * i + 1], gj = gh[2 * j], hj = gh[2 * j + 1];
      const bi = i * F, bj = j * F;
      for (let f = 0; f < F; f++) {
        const k = bins[bi + f] << 1;
        hist[k] += gi;
        hist[k + 1] += hi;
        const q = bins[bj + f] << 1;
        hist[q] += gj;
        hist[q + 1] += hj;
      }
    }
    if (r < end) {
      const i = rows[r];
      const base = i * F;
      for (let f = 0; f < F; f++) {
        const k = bins[base + f] << 1;
        hist[k] += gh[2 * i];
        hist[k + 1] += gh[2 * i + 1];
      }
    }
    return;
  }
  const nSel = features.length;
  for (let r = start; r < end; r++) {
    const i = rows[r];
    const g = gh[2 * i];
    const h = gh[2 * i + 1];
    const base = i * F;
    for (let s = 0; s < nSel; s++) {
      const k = bins[base + features[s]] << 1;
      hist[k] += g;
      hist[k + 1] += h;
    }
  }
}

/** rows[start..mid) into hist, rows[mid..end) into the zeroed `other`, then hist += other: HistogramHelper's arithmetic. */
export function buildInHalves(hist: Float64Array, other: Float64Array, layout: HistogramLayout, bins: HistogramBins,
  gh: Float64Array, rows: Uint32Array, start: number, end: number, features: Int32Array | null): void {
  const mid = start + ((end - start) >> 1);
  buildHistogram(hist, layout, bins, gh, rows, start, mid, features);
  other.fill(0);
  buildHistogram(other, layout, bins, gh, rows, mid, end, features);
  for (let k = 0; k < hist.length; k++) hist[k] += other[k];
}

/** parent -= child, leaving the sibling's histogram in parent's buffer. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
  for (let k = 0; k < parent.length; k++) parent[k] -= child[k];
}

export interface GbdtSplit {
  feature: number;
  bin: number;
  missingLeft: boolean;
  gain: number;
  gradLeft: number;
  hessLeft: number;
}

/**
 * Best split over the selected features by the XGBoost gain
 * ½[GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ)], trying missing rows on each side.
 * Returns false when no split has positive gain with both children >= minHess.
 */
export function findBestSplit(hist: Float64Array, layout: HistogramLayout, features: Int32Array,
  G: number, H: number, lambda: number, minHess: number, best: GbdtSplit): boolean {
  const parentScore = (G * G) / (H + lambda);
  let bestGain = 0;
  let found = false;
  for (let s = 0; s < features.length; s++) {
    const f = features[s];
    const nb = layout.nBins[f];
    const base = layout.offsets[f] << 1;
    const gMiss = hist[base];
    const hMiss = hist[base + 1];
    const hasMissing = hMiss > 0;
    let gl = 0;
    let hl = 0;
    // Bin b splits "1..b | b+1..nb-1"; b = nb-1 (threshold +Infinity) only separates missing from present.
    const lastBin = hasMissing ? nb : nb - 1;
    for (let b = 1; b < lastBin; b++) {
      gl += hist[base + 2 * b];
      hl += hist[base + 2 * b + 1];
      // Missing rows go right.
      let hr = H - hl;
      if (hl >= minHess && hr >= minHess) {
        const gr = G - gl;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
        if (gain > bestGain) {
          bestGain = gain; found = true;
          best.feature = f; best.bin = b; best.missingLeft = false; best.gradLeft = gl; best.hessLeft = hl;
        }
      }
      if (hasMissing) {
        const glm = gl + gMiss;
        const hlm = hl + hMiss;
        hr = H - hlm;
        if (hlm >= minHess && hr >= minHess) {
          const gr = G - glm;
          const gain = (glm * glm) / (hlm + lambda) + (gr * gr) / (hr + lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain; found = true;
            best.feature = f; best.bin = b; best.missingLeft = true; best.gradLeft = glm; best.hessLeft = hlm;
          }
        }
      }
    }
  }
  best.gain = 0.5 * bestGain;
  return found;
}

/**
 * Stable in-place partition of rows[start..end) by a split on histogram bins; returns the first right index.
 * scratch must hold at least end-start entries.
 */
export function partitionRows(rows: Uint32Array, scratch: Uint32Array, start: number, end: number,
  bins: HistogramBins, layout: HistogramLayout, feature: number, splitBin: number, missingLeft: boolean): number {
  const F = layout.nFeatures;
  const missingSlot = layout.offsets[feature];
  const lastLeftSlot = missingSlot + splitBin;
  let l = start;
  let rc = 0;
  for (let r = start; r < end; r++) {
    const i = rows[r];
    const b = bins[i * F + feature];
    const goLeft = b === missingSlot ? missingLeft : b <= lastLeftSlot;
    if (goLeft) rows[l++] = i;
    else scratch[rc++] = i;
  }
  rows.set(scratch.subarray(0, rc), l);
  return l;
}

/** Leaf of row i for a tree grown on histogram bins (used when rows were subsampled). */
export function histogramBinsLeaf(tree: { feature: Int32Array; splitBin: Uint8Array; missingLeft: Uint8Array; left: Int32Array; right: Int32Array },
  bins: HistogramBins, layout: HistogramLayout, i: number): number {
  const base = i * layout.nFeatures;
  let node = 0;
  let f = tree.feature[0];
  while (f >= 0) {
    const b = bins[base + f] - layout.offsets[f];
    node = (b === 0 ? tree.missingLeft[node] === 1 : b <= tree.splitBin[node]) ? tree.left[node] : tree.right[node];
    f = tree.feature[node];
  }
  return node;
}

// ---- A second thread for big histograms. trainGbdt is synchronous, so the two threads meet through
// Atomics on shared memory rather than messages (the main event loop does not turn during training).

const STATE = 0, START = 1, END = 2, N_SELECTED = 3, READY = 4;
const IDLE = 0, JOB = 1, CLAIMED = 2, DONE = 3, EXIT = 4; // IDLE is the initial state
/** A stalled helper must never hang training; its half is then built in-process. */
const HELPER_TIMEOUT_MS = 10_000;

export interface HistogramHelperData {
  bins: HistogramBins;
  gh: Float64Array;
  rows: Uint32Array;
  offsets: Int32Array;
  nBins: Uint16Array;
  control: Int32Array;
  hist: Float64Array;
  features: Int32Array;
}

/** Main-thread side: hands half of a row segment to a worker while this thread builds the other half. */
export class HistogramHelper {
  private failed = false;
  private constructor(private readonly worker: Worker, private readonly data: HistogramHelperData) {}

  /** bins, gh and rows must be backed by SharedArrayBuffers. */
  static start(bins: HistogramBins, gh: Float64Array, rows: Uint32Array, layout: HistogramLayout,
    WorkerClass: typeof Worker, script: string): HistogramHelper {
    const data: HistogramHelperData = {
      bins, gh, rows, offsets: layout.offsets, nBins: layout.nBins,
      control: new Int32Array(new SharedArrayBuffer(8 * 4)),
      hist: new Float64Array(new SharedArrayBuffer(layout.totalBins * 2 * 8)),
      features: new Int32Array(new SharedArrayBuffer(layout.nFeatures * 4)),
    };
    const worker = new WorkerClass(script, { eval: true, workerData: data });
    worker.unref();
    worker.on('error', () => { /* surfaced as a helper that never becomes ready */ });
    return new HistogramHelper(worker, data);
  }

  /** Usable once the worker has loaded; until then training simply runs on one thread. */
  get ready(): boolean {
    return !this.failed && Atomics.load(this.data.control, READY) === 1;
  }

  /** Builds rows[start..end) into hist using both threads, with exactly buildInHalves' arithmetic. */
  build(hist: Float64Array, layout: HistogramLayout, start: number, end: number, features: Int32Array | null): void {
    const { control, features: shared } = this.data;
    const mid = start + ((end - start) >> 1);
    if (features) shared.set(features);
    Atomics.store(control, START, mid);
    Atomics.store(control, END, end);
    Atomics.store(control, N_SELECTED, features ? features.length : -1);
    Atomics.store(control, STATE, JOB);
    Atomics.notify(control, STATE);
    buildHistogram(hist, layout, this.data.bins, this.data.gh, this.data.rows, start, mid, features);
    // If the helper has not picked the job up (e.g. it is not scheduled on a busy machine), take it back
    // rather than wait: waiting is only ever for a helper that is already running.
    if (Atomics.compareExchange(control, STATE, JOB, IDLE) === JOB) {
      this.buildHereAndAdd(hist, layout, mid, end, features);
      return;
    }
    while (Atomics.load(control, STATE) === CLAIMED) {
      if (Atomics.wait(control, STATE, CLAIMED, HELPER_TIMEOUT_MS) === 'timed-out') {
        this.failed = true;
        this.buildHereAndAdd(hist, layout, mid, end, features);
        return;
      }
    }
    const other = this.data.hist;
    for (let k = 0; k < hist.length; k++) hist[k] += other[k];
    Atomics.store(control, STATE, IDLE);
  }

  private local: Float64Array | null = null;

  private buildHereAndAdd(hist: Float64Array, layout: HistogramLayout, start: number, end: number, features: Int32Array | null): void {
    const other = (this.local ??= new Float64Array(hist.length));
    other.fill(0);
    buildHistogram(other, layout, this.data.bins, this.data.gh, this.data.rows, start, end, features);
    for (let k = 0; k < hist.length; k++) hist[k] += other[k];
  }

  close(): void {
    Atomics.store(this.data.control, STATE, EXIT);
    Atomics.notify(this.data.control, STATE);
    void this.worker.terminate();
  }
}

/** Worker-thread entry for HistogramHelper. */
export function runHistogramWorker(): void {
  const d = workerData as HistogramHelperData;
  const layout = histogramLayout(d.nBins);
  const { control } = d;
  Atomics.store(control, READY, 1);
  for (;;) {
    const state = Atomics.load(control, STATE);
    if (state === EXIT) return;
    // Sleep until the main thread changes the state and notifies (a new job or exit).
    if (state !== JOB) { Atomics.wait(control, STATE, state); continue; }
    if (Atomics.compareExchange(control, STATE, JOB, CLAIMED) !== JOB) continue; // the main thread took it back
    const nSelected = Atomics.load(control, N_SELECTED);
    d.hist.fill(0);
    buildHistogram(d.hist, layout, d.bins, d.gh, d.rows, Atomics.load(control, START), Atomics.load(control, END),
      nSelected < 0 ? null : d.features.subarray(0, nSelected));
    Atomics.store(control, STATE, DONE);
    Atomics.notify(control, STATE);
  }
}
