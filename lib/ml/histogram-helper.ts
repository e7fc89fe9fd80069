// A second thread for big gradient histograms (used by lib/ml/gbdt.ts at ≥ 50k rows).
import { workerData, type Worker } from 'node:worker_threads';
import { buildHistogram, histogramLayout, type HistogramBins, type HistogramLayout } from './histogram';

// trainGbdt is synchronous, so the two threads meet through Atomics on shared memory rather than
// messages (the main event loop does not turn during training).

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
