// Quantile binning: every feature becomes a Uint8 column so trees work on ≤ 256 histogram bins.
import { createRng } from './rng';
import type { FeatureMatrix } from './types';

export const MISSING_BIN = 0;
export const MAX_BINS = 255;

export interface BinMapper {
  /** Per feature: ascending upper edges; value v goes to the first bin whose edge >= v. The last edge is +Infinity. */
  thresholds: Float64Array[];
  /** Per feature: bin count including the missing bin 0. */
  nBins: Uint16Array;
  categorical: boolean[];
  names: string[];
}

/** Rows used to estimate quantiles; a seeded sample keeps fitting O(sampleRows log sampleRows) per feature. */
function sampleRowIndices(nRows: number, sampleRows: number): Uint32Array | null {
  if (nRows <= sampleRows) return null;
  const rng = createRng(0x5eed);
  const picked = new Uint32Array(sampleRows);
  // Reservoir sampling: uniform without replacement, deterministic.
  for (let i = 0; i < sampleRows; i++) picked[i] = i;
  for (let i = sampleRows; i < nRows; i++) {
    const j = rng.int(i + 1);
    if (j < sampleRows) picked[j] = i;
  }
  return picked;
}

function sortedPresentValues(column: Float64Array, sample: Uint32Array | null): Float64Array {
  const n = sample ? sample.length : column.length;
  const values = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = column[sample ? sample[i] : i];
    if (v === v) values[count++] = v;
  }
  return values.subarray(0, count).sort();
}

/** Midpoint between neighbours, guarded so rounding never swallows the upper value. */
function edgeBetween(lo: number, hi: number): number {
  const mid = lo + (hi - lo) / 2;
  return mid >= hi || !Number.isFinite(mid) ? lo : mid;
}

function numericEdges(sorted: Float64Array, maxRealBins: number): Float64Array {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (distinct.length && sorted[i] === distinct[distinct.length - 1]) counts[counts.length - 1]++;
    else { distinct.push(sorted[i]); counts.push(1); }
  }
  const edges: number[] = [];
  if (distinct.length <= maxRealBins) {
    for (let i = 0; i + 1 < distinct.length; i++) edges.push(edgeBetween(distinct[i], distinct[i + 1]));
  } else {
    // Greedy equal-mass bins that never split a distinct value, so heavy values (e.g. 0) get a bin of their own.
    let remaining = sorted.length;
    let binsLeft = maxRealBins;
    let filled = 0;
    for (let i = 0; i + 1 < distinct.length && binsLeft > 1; i++) {
      filled += counts[i];
      const target = remaining / binsLeft;
      if (filled >= target || distinct.length - 1 - i < binsLeft) {
        edges.push(edgeBetween(distinct[i], distinct[i + 1]));
        remaining -= filled;
        filled = 0;
        binsLeft--;
      }
    }
  }
  edges.push(Infinity);
  return Float64Array.from(edges);
}

function categoricalEdges(sorted: Float64Array, maxRealBins: number): Float64Array {
  const maxCode = sorted.length ? Math.max(0, Math.floor(sorted[sorted.length - 1])) : 0;
  // Code c -> bin c+1; codes past the cap share the last (+Infinity) bin.
  const explicit = Math.min(maxCode + 1, maxRealBins - 1);
  const edges = new Float64Array(explicit + 1);
  for (let c = 0; c < explicit; c++) edges[c] = c;
  edges[explicit] = Infinity;
  return edges;
}

export function fitBins(X: FeatureMatrix, maxBins = MAX_BINS, sampleRows = 200_000): BinMapper {
  const maxRealBins = Math.max(2, Math.min(maxBins, MAX_BINS));
  const sample = sampleRowIndices(X.nRows, sampleRows);
  const thresholds = X.columns.map((column, f) => {
    const sorted = sortedPresentValues(column, sample);
    return X.categorical[f] ? categoricalEdges(sorted, maxRealBins) : numericEdges(sorted, maxRealBins);
  });
  return {
    thresholds,
    nBins: Uint16Array.from(thresholds, (edges) => edges.length + 1),
    categorical: X.categorical.slice(),
    names: X.names.slice(),
  };
}

/** Bin of one value: 0 for NaN, else 1 + index of the first edge >= v. */
export function binValue(edges: Float64Array, v: number): number {
  if (v !== v) return MISSING_BIN;
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] >= v) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}

/** Column-major binned matrix: one Uint8Array per feature. */
export function applyBins(X: FeatureMatrix, mapper: BinMapper): Uint8Array[] {
  if (X.columns.length !== mapper.thresholds.length) {
    throw new Error(`applyBins: matrix has ${X.columns.length} features, mapper ${mapper.thresholds.length}`);
  }
  return X.columns.map((column, f) => {
    const edges = mapper.thresholds[f];
    const out = new Uint8Array(X.nRows);
    for (let i = 0; i < X.nRows; i++) out[i] = binValue(edges, column[i]);
    return out;
  });
}

/** Row-major copy (row i's bins are contiguous) so histogram building touches one cache line per row. */
export function toRowMajor(binned: Uint8Array[], nRows: number, target?: Uint8Array): Uint8Array {
  const nFeatures = binned.length;
  const out = target ?? new Uint8Array(nRows * nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    const column = binned[f];
    for (let i = 0, k = f; i < nRows; i++, k += nFeatures) out[k] = column[i];
  }
  return out;
}

/** Raw-value threshold for "bin <= splitBin goes left". */
export function binUpperEdge(mapper: BinMapper, feature: number, splitBin: number): number {
  return mapper.thresholds[feature][splitBin - 1];
}
