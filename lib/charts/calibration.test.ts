import { describe, expect, it } from 'vitest';
import { calibrationRows, expectedCalibrationError } from './calibration';

const bins = [
  { lower: 0, upper: 0.1, count: 90, meanPredicted: 0.02, fractionPositive: 0.01 },
  { lower: 0.1, upper: 0.2, count: 0, meanPredicted: null, fractionPositive: null },
  { lower: 0.9, upper: 1, count: 10, meanPredicted: 0.95, fractionPositive: 0.8 },
];

describe('calibrationRows', () => {
  it('skips empty bins and labels the rest', () => {
    const rows = calibrationRows(bins);
    expect(rows).toEqual([
      { bin: '0.0–0.1', predicted: 0.02, observed: 0.01, count: 90 },
      { bin: '0.9–1.0', predicted: 0.95, observed: 0.8, count: 10 },
    ]);
    expect(calibrationRows(undefined)).toEqual([]);
  });

  it('weights the calibration error by bin size', () => {
    expect(expectedCalibrationError(calibrationRows(bins))).toBeCloseTo(0.9 * 0.01 + 0.1 * 0.15);
    expect(expectedCalibrationError([])).toBeNull();
  });
});
