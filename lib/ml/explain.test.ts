import { describe, expect, it } from 'vitest';
import { predictMargin, type TreeEnsemble } from './ensemble';
import { contributions, pathContributions, topContributions } from './explain';
import { trainForestSync } from './forest';
import { trainGbdt } from './gbdt';
import { createRng } from './rng';
import type { FeatureMatrix } from './types';

function data(n: number, d: number, seed: number): { X: FeatureMatrix; y: Uint8Array } {
  const rng = createRng(seed);
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) columns[f][i] = rng.next() < 0.05 ? NaN : rng.normal();
    const s = columns[0][i] * columns[1][i] + (columns[2][i] > 0.5 ? 1.5 : 0) + 0.3 * rng.normal();
    y[i] = s > 1.2 ? 1 : 0;
  }
  return { X: { nRows: n, columns, names: columns.map((_, f) => `x${f}`), categorical: columns.map(() => false) }, y };
}

function randomRow(rng: ReturnType<typeof createRng>, d: number): Float64Array {
  return Float64Array.from({ length: d }, () => (rng.next() < 0.1 ? NaN : 2 * rng.normal()));
}

/** Path-dependent E[f(x) | x_S] of one tree: follow x on known features, cover-weight the rest. */
function conditional(e: TreeEnsemble, node: number, row: ArrayLike<number>, known: Set<number>): number {
  const f = e.feature[node];
  if (f < 0) return e.value[node];
  if (known.has(f)) {
    const x = row[f];
    const left = x !== x ? e.missingLeft[node] === 1 : x <= e.threshold[node];
    return conditional(e, left ? e.left[node] : e.right[node], row, known);
  }
  const l = e.left[node], r = e.right[node];
  return (e.cover[l] * conditional(e, l, row, known) + e.cover[r] * conditional(e, r, row, known)) / e.cover[node];
}

/** Exact Shapley values by enumerating every coalition (small d only). */
function bruteForceShap(e: TreeEnsemble, row: ArrayLike<number>): Float64Array {
  const d = e.nFeatures;
  const value = (mask: number) => {
    const known = new Set<number>();
    for (let f = 0; f < d; f++) if (mask & (1 << f)) known.add(f);
    let s = 0;
    for (let t = 0; t < e.treeRoots.length; t++) s += conditional(e, e.treeRoots[t], row, known);
    return s;
  };
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Float64Array(d);
  for (let f = 0; f < d; f++) {
    for (let mask = 0; mask < 1 << d; mask++) {
      if (mask & (1 << f)) continue;
      let size = 0;
      for (let g = 0; g < d; g++) if (mask & (1 << g)) size++;
      const w = (fact(size) * fact(d - size - 1)) / fact(d);
      phi[f] += w * (value(mask | (1 << f)) - value(mask));
    }
  }
  return phi;
}

describe('contributions (TreeSHAP)', () => {
  const { X, y } = data(3000, 5, 1);

  it('sums to the gbdt margin on random rows', () => {
    const model = trainGbdt(X, y, { rounds: 30, depth: 6 });
    const rng = createRng(9);
    for (let k = 0; k < 50; k++) {
      const row = randomRow(rng, 5);
      const phi = contributions(model, row);
      expect(phi.length).toBe(6);
      const sum = phi.reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - predictMargin(model, row))).toBeLessThan(1e-9);
    }
  });

  it('sums to the forest probability on random rows', () => {
    const model = trainForestSync(X, y, { trees: 10, depth: 10, minLeaf: 2 });
    const rng = createRng(10);
    for (let k = 0; k < 30; k++) {
      const row = randomRow(rng, 5);
      const sum = contributions(model, row).reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - predictMargin(model, row))).toBeLessThan(1e-9);
    }
  });

  it('matches exact Shapley values of the path-dependent value function', () => {
    const model = trainGbdt(X, y, { rounds: 5, depth: 4 });
    const rng = createRng(11);
    for (let k = 0; k < 10; k++) {
      const row = randomRow(rng, 5);
      const fast = contributions(model, row);
      const exact = bruteForceShap(model, row);
      for (let f = 0; f < 5; f++) expect(fast[f]).toBeCloseTo(exact[f], 9);
    }
  });

  it('path attribution also sums to the margin for both kinds', () => {
    const rng = createRng(12);
    for (const model of [trainGbdt(X, y, { rounds: 20 }), trainForestSync(X, y, { trees: 5 })]) {
      for (let k = 0; k < 20; k++) {
        const row = randomRow(rng, 5);
        const phi = pathContributions(model, row);
        const sum = phi.reduce((s, v) => s + v, 0);
        expect(Math.abs(sum - predictMargin(model, row))).toBeLessThan(1e-9);
        expect(phi[5]).toBeCloseTo(contributions(model, row)[5], 12);
      }
    }
  });

  it('names the informative features as the top reasons for a high-risk row', () => {
    const model = trainGbdt(X, y, { rounds: 10, depth: 3 });
    const top = topContributions(model, [2, 2, 1, 0, 0], 3);
    for (const r of top) expect(['x0', 'x1', 'x2']).toContain(r.name);
    expect(top[0].contribution).toBeGreaterThan(0);
  });
});
