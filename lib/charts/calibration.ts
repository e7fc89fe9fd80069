// Reliability diagram rows: mean predicted probability against the observed fraud rate, per bin.
export interface CalibrationBin { lower: number; upper: number; count: number; meanPredicted: number | null; fractionPositive: number | null }
export interface CalibrationRow { bin: string; predicted: number; observed: number; count: number }

export function calibrationRows(bins: readonly CalibrationBin[] | null | undefined): CalibrationRow[] {
  return (bins ?? [])
    .filter((b) => b.count > 0 && b.meanPredicted !== null && b.fractionPositive !== null)
    .map((b) => ({ bin: `${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`, predicted: b.meanPredicted!, observed: b.fractionPositive!, count: b.count }));
}

/** Expected calibration error: the count-weighted mean gap between predicted and observed. */
export function expectedCalibrationError(rows: readonly CalibrationRow[]): number | null {
  const n = rows.reduce((s, r) => s + r.count, 0);
  if (!n) return null;
  return rows.reduce((s, r) => s + (r.count / n) * Math.abs(r.predicted - r.observed), 0);
}
