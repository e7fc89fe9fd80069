// Small sampling and formatting helpers shared by the demo generators (all driven by a seeded Rng).
import type { Rng } from '../ml/rng';

export function hex32(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += rng.int(0x1_0000_0000).toString(16).padStart(8, '0');
  return s;
}

export function poisson(rng: Rng, lambda: number): number {
  // Knuth's method: fine for the small per-day rates used here.
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

export function cumulative(weights: readonly number[]): number[] {
  let s = 0;
  return weights.map((w) => (s += w));
}

export function pickIndex(rng: Rng, cum: readonly number[]): number {
  const x = rng.next() * cum[cum.length - 1];
  let i = 0;
  while (i < cum.length - 1 && cum[i] <= x) i++;
  return i;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
