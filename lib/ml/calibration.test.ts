import { describe, expect, it } from 'vitest';
import { applyCalibration, applyCalibrationAll, estimatePrior, fitCalibration, fitIsotonic, fitPlatt, priorCorrect } from './calibration';
import { calibrationTable } from './metrics';
import { createRng } from './rng';

/** Mean |predicted − observed| over the reliability bins, weighted by bin size. */
function reliabilityError(y: Uint8Array, p: Float64Array): number {
  let err = 0;
  for (const b of calibrationTable(y, p, 10)) if (b.count) err += (b.count / y.length) * Math.abs(b.meanPredicted! - b.fractionPositive!);
  return err;
}

/** True probabilities q; the model reports an overconfident, shifted version (as a balanced training set does). */
function miscalibrated(n: number, seed: number) {
  const rng = createRng(seed), rand = rng.next;
  const y = new Uint8Array(n), p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = (rand() - 0.5) * 8;
    const q = 1 / (1 + Math.exp(-z));
    y[i] = rand() < q ? 1 : 0;
    p[i] = 1 / (1 + Math.exp(-(2.5 * z + 1.5)));
  }
  return { y, p };
}

describe('calibration', () => {
  it('Platt and isotonic both cut the reliability error of a miscalibrated model', () => {
    const { y, p } = miscalibrated(20_000, 1);
    const before = reliabilityError(y, p);
    const test = miscalibrated(20_000, 2);
    for (const cal of [fitPlatt(p, y), fitIsotonic(p, y)]) {
      const after = reliabilityError(test.y, applyCalibrationAll(cal, test.p));
      expect(before).toBeGreaterThan(0.05);
      expect(after).toBeLessThan(0.02);
    }
    const platt = fitPlatt(p, y);
    if (platt.method !== 'platt') throw new Error('expected platt');
    // The true map is logit q = (logit p − 1.5) / 2.5.
    expect(platt.a).toBeCloseTo(0.4, 1);
    expect(platt.b).toBeCloseTo(-0.6, 1);
  });

  it('isotonic is monotone, compact and handles ties', () => {
    const { y, p } = miscalibrated(50_000, 3);
    for (let i = 0; i < p.length; i += 3) p[i] = Math.round(p[i] * 20) / 20;
    const cal = fitIsotonic(p, y);
    if (cal.method !== 'isotonic') throw new Error('expected isotonic');
    expect(cal.x.length).toBeLessThanOrEqual(200);
    expect(cal.x.length).toBeGreaterThan(20);
    for (let k = 1; k < cal.x.length; k++) {
      expect(cal.x[k]).toBeGreaterThanOrEqual(cal.x[k - 1]);
      expect(cal.y[k]).toBeGreaterThanOrEqual(cal.y[k - 1]);
    }
    let last = -1;
    for (let t = 0; t <= 1000; t++) { const v = applyCalibration(cal, t / 1000); expect(v).toBeGreaterThanOrEqual(last); last = v; }
  });

  it('fits 500k points and picks a calibrator by held-out log loss', () => {
    const { y, p } = miscalibrated(500_000, 4);
    const started = Date.now();
    const choice = fitCalibration(p, y);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(choice.calibration.method).not.toBe('identity');
    expect(choice.heldOutLogLoss!.identity).toBeGreaterThan(Math.min(choice.heldOutLogLoss!.platt, choice.heldOutLogLoss!.isotonic));
    const test = miscalibrated(50_000, 5);
    expect(reliabilityError(test.y, applyCalibrationAll(choice.calibration, test.p))).toBeLessThan(0.01);
  });

  it('falls back to the identity with too few of a class, and leaves old artefacts unchanged', () => {
    const y = new Uint8Array(1000); y[0] = 1;
    const p = new Float64Array(1000).fill(0.3);
    expect(fitCalibration(p, y).calibration.method).toBe('identity');
    expect(applyCalibration(undefined, 0.37)).toBe(0.37);
  });
});

describe('prior correction', () => {
  it('is the identity when rates are equal or unknown', () => {
    for (const p of [0, 0.01, 0.37, 0.9, 1]) {
      expect(priorCorrect(p, 0.5, 0.5)).toBe(p);
      expect(priorCorrect(p, null, 0.02)).toBe(p);
      expect(priorCorrect(p, 0.5, null)).toBe(p);
    }
  });

  it('matches Bayes on a synthetic example', () => {
    // x ~ N(1, 1) for fraud, N(-1, 1) for legit: the Bayes posterior at prior π is σ(2x + logit π).
    const posterior = (x: number, pi: number) => 1 / (1 + Math.exp(-(2 * x + Math.log(pi / (1 - pi)))));
    for (const x of [-2, -0.5, 0, 0.7, 2.5]) {
      expect(priorCorrect(posterior(x, 0.5), 0.5, 0.02)).toBeCloseTo(posterior(x, 0.02), 12);
      expect(priorCorrect(posterior(x, 0.3), 0.3, 0.001)).toBeCloseTo(posterior(x, 0.001), 12);
    }
    // The demo's case: 37% at a 50% training rate is 1.2% at a 2% production rate.
    expect(priorCorrect(0.37, 0.5, 0.02)).toBeCloseTo(0.01184, 4);
  });

  it('estimates the base rate of unlabelled traffic (EM) at size', () => {
    const rng = createRng(9), rand = rng.next;
    const posterior = (x: number, pi: number) => 1 / (1 + Math.exp(-(2 * x + Math.log(pi / (1 - pi)))));
    const n = 500_000, p = new Float64Array(n);
    let fraud = 0;
    for (let i = 0; i < n; i++) {
      const isFraud = rand() < 0.03;
      fraud += isFraud ? 1 : 0;
      const g = rng.normal();
      p[i] = posterior((isFraud ? 1 : -1) + g, 0.5);
    }
    const est = estimatePrior(p, 0.5)!;
    expect(Math.abs(est - fraud / n)).toBeLessThan(0.004);
  });
});
