import { describe, expect, it } from 'vitest';
import { decideInProduction, probabilityFor, productionProbability, thresholdOnTrainingScale } from './probability';
import { reviewBand } from './threshold';

const bands = reviewBand(1 / 11);
const model = { calibration: { method: 'platt' as const, a: 0.5, b: -0.2 }, trainRate: 0.5 };

describe('production probability', () => {
  it('calibrates, then corrects to the production rate, before banding', () => {
    // The demo's background case: 37% at a 50% training rate blocks; at 2% in production it is allowed.
    expect(decideInProduction({ trainRate: 0.5 }, 0.37, bands, 0.5).decision).toBe('block');
    const prod = decideInProduction({ trainRate: 0.5 }, 0.37, bands, 0.02);
    expect(prod.decision).toBe('allow');
    expect(prod.probability).toBeCloseTo(0.0118, 4);
    const cal = 1 / (1 + Math.exp(-(0.5 * Math.log(0.37 / 0.63) - 0.2)));
    expect(probabilityFor(model, 0.37, 0.5)).toBeCloseTo(cal, 12);
    expect(probabilityFor(model, 0.37, 0.02)).toBeCloseTo(productionProbability(model, cal, 0.02), 12);
  });

  it('leaves artefacts without calibration or training rate unchanged', () => {
    for (const p of [0.001, 0.37, 0.99]) {
      expect(probabilityFor({}, p, 0.02)).toBe(p);
      expect(decideInProduction({}, p, bands, 0.02).probability).toBe(p);
      expect(thresholdOnTrainingScale({}, p, 0.02)).toBe(p);
    }
  });

  it('maps a production threshold back to the calibrated score that reaches it', () => {
    const t = thresholdOnTrainingScale(model, bands.block, 0.02);
    expect(productionProbability(model, t, 0.02)).toBeCloseTo(bands.block, 12);
    expect(t).toBeGreaterThan(bands.block);
  });
});
