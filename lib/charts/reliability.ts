// Reliability before and after calibration as one row set for a chart: each row carries the series it belongs to.
import type { CalibrationRow } from './calibration';

export interface ReliabilityRow { predicted: number; before?: number; after?: number }

export function reliabilityRows(before: readonly CalibrationRow[], after: readonly CalibrationRow[]): ReliabilityRow[] {
  const rows: ReliabilityRow[] = [];
  for (const r of before) rows.push({ predicted: r.predicted, before: r.observed });
  for (const r of after) rows.push({ predicted: r.predicted, after: r.observed });
  return rows.sort((a, b) => a.predicted - b.predicted);
}
