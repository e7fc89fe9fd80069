// Train/validation splits with fixed seeds, and row selection on a column-major matrix.

import { createRng } from './rng';
import type { FeatureMatrix } from './types';

export interface Split { train: Uint32Array; valid: Uint32Array }

const sorted = (a: number[]) => Uint32Array.from(a).sort();

/** Each class contributes round(validFraction · its size) rows to validation; indices ascend. */
export function stratifiedSplit(y: ArrayLike<number>, validFraction: number, seed: number): Split {
  if (!(validFraction >= 0 && validFraction < 1)) throw new Error('validFraction must be in [0, 1)');
  const rng = createRng(seed);
  const train: number[] = [], valid: number[] = [];
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if ((y[i] === 1 ? 1 : 0) === cls) idx.push(i);
    rng.shuffle(idx);
    const k = Math.round(idx.length * validFraction);
    valid.push(...idx.slice(0, k));
    train.push(...idx.slice(k));
  }
  return { train: sorted(train), valid: sorted(valid) };
}

/**
 * The latest validFraction of rows (by timestamp) is validation, so the model is scored on the
 * future as in production. Ties keep input order; NaN timestamps count as earliest.
 */
export function timeSplit(timestamps: ArrayLike<number>, validFraction: number): Split {
  if (!(validFraction >= 0 && validFraction < 1)) throw new Error('validFraction must be in [0, 1)');
  const n = timestamps.length;
  const key = (i: number) => (Number.isNaN(timestamps[i]) ? -Infinity : timestamps[i]);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
  const k = Math.round(n * validFraction);
  return { train: sorted(order.slice(0, n - k)), valid: sorted(order.slice(n - k)) };
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
