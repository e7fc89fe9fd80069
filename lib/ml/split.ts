// Train/validation splits with fixed seeds, and row selection on a column-major matrix.
// Everything here is sized by rows, so it uses typed index arrays and plain loops: no spreads into
// calls (spreading a 160k-element array into push overflows the stack) and no per-row objects.

import { createRng } from './rng';
import type { FeatureMatrix } from './types';

export interface Split { train: Uint32Array; valid: Uint32Array }

/** Ascending union of two index arrays (disjoint). */
function mergeSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out.sort();
}

/** Each class contributes round(validFraction · its size) rows to validation; indices ascend. */
export function stratifiedSplit(y: ArrayLike<number>, validFraction: number, seed: number): Split {
  if (!(validFraction >= 0 && validFraction < 1)) throw new Error('validFraction must be in [0, 1)');
  const rng = createRng(seed);
  const n = y.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (y[i] === 1) positives++;
  const byClass = [new Uint32Array(n - positives), new Uint32Array(positives)];
  const fill = [0, 0];
  for (let i = 0; i < n; i++) { const c = y[i] === 1 ? 1 : 0; byClass[c][fill[c]++] = i; }
  const train: Uint32Array[] = [], valid: Uint32Array[] = [];
  for (const idx of byClass) {
    rng.shuffle(idx);
    const k = Math.round(idx.length * validFraction);
    valid.push(idx.subarray(0, k));
    train.push(idx.subarray(k));
  }
  return { train: mergeSorted(train[0], train[1]), valid: mergeSorted(valid[0], valid[1]) };
}

/**
 * The latest validFraction of rows (by timestamp) is validation, so the model is scored on the
 * future as in production. Ties keep input order; NaN timestamps count as earliest.
 */
export function timeSplit(timestamps: ArrayLike<number>, validFraction: number): Split {
  if (!(validFraction >= 0 && validFraction < 1)) throw new Error('validFraction must be in [0, 1)');
  const n = timestamps.length;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = Number.isNaN(timestamps[i]) ? -Infinity : timestamps[i];
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // -Infinity − -Infinity is NaN: compare explicitly so the order stays total.
  order.sort((a, b) => (key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : a - b));
  const k = Math.round(n * validFraction);
  return { train: order.slice(0, n - k).sort(), valid: order.slice(n - k).sort() };
}

export function takeRows(X: FeatureMatrix, idx: ArrayLike<number>): FeatureMatrix {
  const columns = X.columns.map((col) => {
    const out = new Float64Array(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = col[idx[i]];
    return out;
  });
  return { nRows: idx.length, columns, names: X.names.slice(), categorical: X.categorical.slice() };
}

export function takeLabels(y: Uint8Array, idx: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = y[idx[i]];
  return out;
}
