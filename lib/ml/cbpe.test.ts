import { describe, expect, it } from 'vitest';
import { estimatePerformance, expectedRocAuc } from './cbpe';
import { confusionAt, rocAuc } from './metrics';
import { createRng } from './rng';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Calibrated traffic: p from a logit-normal, each label drawn as Bernoulli(p). */
function traffic(seed: number, n: number, mean: number, sd: number) {
  const rng = createRng(seed);
  const p = new Float64Array(n), y = new Uint8Array(n);
  for (let i = 0; i < n; i++) { p[i] = sigmoid(mean + sd * rng.normal()); y[i] = rng.next() < p[i] ? 1 : 0; }
  return { p, y };
}

function realised(y: Uint8Array, p: Float64Array, t: number) {
  const c = confusionAt(y, p, t);
  return { precision: c.tp / (c.tp + c.fp), recall: c.tp / (c.tp + c.fn), fpr: c.fp / (c.fp + c.tn), rocAuc: rocAuc(y, p) };
}

/** The definition, pair by pair (O(n²)), for small inputs. */
function bruteAuc(p: number[]) {
  let wins = 0, pairs = 0;
  for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) {
    if (i === j) continue;
    const w = p[i] * (1 - p[j]);
    pairs += w;
    wins += p[i] > p[j] ? w : p[i] === p[j] ? w / 2 : 0;
  }
  return wins / pairs;
}

describe('estimatePerformance (CBPE)', () => {
  // Stated tolerance: ±0.03 at n = 50k, for precision, recall, FPR and ROC-AUC.
  const TOL = 0.03, T = 0.5;

  it('tracks realised precision, recall and AUC on calibrated traffic, before and after a known shift', () => {
    const before = traffic(1, 50_000, -2.5, 2);
    // The shift piles scores up near the threshold: realised precision falls, and the estimate must follow.
    const after = traffic(2, 50_000, -0.3, 0.4);
    const r0 = realised(before.y, before.p, T), r1 = realised(after.y, after.p, T);
    const e0 = estimatePerformance(before.p, T), e1 = estimatePerformance(after.p, T);
    expect(r0.precision - r1.precision).toBeGreaterThan(0.1);
    expect(r0.rocAuc - r1.rocAuc).toBeGreaterThan(0.1);
    for (const [r, e] of [[r0, e0], [r1, e1]] as const) {
      expect(Math.abs(e.precision! - r.precision)).toBeLessThan(TOL);
      expect(Math.abs(e.recall! - r.recall)).toBeLessThan(TOL);
      expect(Math.abs(e.fpr! - r.fpr)).toBeLessThan(TOL);
      expect(Math.abs(e.rocAuc! - r.rocAuc)).toBeLessThan(TOL);
    }
    // The estimate drops with the realised value (no labels were used for it).
    expect(e0.precision! - e1.precision!).toBeGreaterThan(0.1);
    expect(e0.expectedPositives).toBeCloseTo(before.p.reduce((s, v) => s + v, 0), 6);
  });

  it('a flag mask gives the same answer as the threshold it encodes', () => {
    const { p } = traffic(3, 10_000, -1, 1.5);
    const mask = new Uint8Array(p.length);
    for (let i = 0; i < p.length; i++) mask[i] = p[i] >= 0.3 ? 1 : 0;
    expect(estimatePerformance(p, mask)).toEqual(estimatePerformance(p, 0.3));
  });

  it('expected AUC equals the pairwise definition, ties included', () => {
    const rng = createRng(9);
    const p = Array.from({ length: 300 }, () => Math.round(rng.next() * 20) / 20); // many ties, some 0 and 1
    expect(expectedRocAuc(p)).toBeCloseTo(bruteAuc(p), 12);
    expect(expectedRocAuc([0.2, 0.2, 0.2])).toBeCloseTo(0.5, 12);
    expect(expectedRocAuc([0, 1, 1, 0])).toBe(1);
  });

  it('hand-worked confusion: flagged p = 0.9, 0.6; unflagged 0.2, 0.1', () => {
    const e = estimatePerformance(new Float64Array([0.9, 0.6, 0.2, 0.1]), 0.5);
    expect(e.confusion.tp).toBeCloseTo(1.5, 12);
    expect(e.confusion.fp).toBeCloseTo(0.5, 12);
    expect(e.confusion.fn).toBeCloseTo(0.3, 12);
    expect(e.confusion.tn).toBeCloseTo(1.7, 12);
    expect(e.precision).toBeCloseTo(0.75, 12);
    expect(e.recall).toBeCloseTo(1.5 / 1.8, 12);
    expect(e.fpr).toBeCloseTo(0.5 / 2.2, 12);
    expect(e.flagged).toBe(2);
  });

  it('1M items in well under a few seconds, with the closed-form answer for uniform p', () => {
    const rng = createRng(5);
    const p = new Float64Array(1_000_000);
    for (let i = 0; i < p.length; i++) p[i] = rng.next();
    const t0 = performance.now();
    const e = estimatePerformance(p, 0.5);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(5_000);
    // Uniform p: precision = E[p | p ≥ ½] = ¾, recall = ⅜ / ½ = ¾, AUC = (5/24) / (¼) = ⅚.
    expect(e.precision!).toBeCloseTo(0.75, 2);
    expect(e.recall!).toBeCloseTo(0.75, 2);
    expect(e.rocAuc!).toBeCloseTo(5 / 6, 2);
    expect(e.n).toBe(1_000_000);
  });

  it('edge cases: empty input, nothing flagged, all one value, bad input', () => {
    expect(estimatePerformance(new Float64Array(0), 0.5)).toMatchObject({ n: 0, flagged: 0, precision: null, recall: null, fpr: null, rocAuc: null });
    const low = estimatePerformance(new Float64Array([0.1, 0.2, 0.3]), 0.5);
    expect(low).toMatchObject({ flagged: 0, precision: null, recall: 0, fpr: 0 });
    expect(low.rocAuc).not.toBeNull();
    const zeros = estimatePerformance(new Float64Array([0, 0, 0]), new Uint8Array([1, 0, 0]));
    expect(zeros).toMatchObject({ precision: 0, recall: null, fpr: 1 / 3, rocAuc: null });
    expect(() => estimatePerformance([0.5, 1.2], 0.5)).toThrow(RangeError);
    expect(() => estimatePerformance([0.5, Number.NaN], 0.5)).toThrow(RangeError);
    expect(() => estimatePerformance([0.5], new Uint8Array(2))).toThrow(RangeError);
  });
});
