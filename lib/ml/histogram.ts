// Gradient histograms for boosting: per (feature, bin) sums of gradient and hessian, interleaved [g0,h0,g1,h1,...].

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
