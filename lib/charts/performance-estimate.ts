// Chart prep for performance before labels: per metric, the realised and the CBPE-estimated value per day, and their gap.
import { formatMonthDay } from '@/lib/format';

export type EstimatedMetric = 'precision' | 'recall' | 'rocAuc';

export interface EstimatePointInput {
  day: string;
  scored: number;
  labels: number;
  precision: number | null;
  recall: number | null;
  rocAuc: number | null;
  estimated: { n: number; precision: number | null; recall: number | null; rocAuc: number | null } | null;
  gap: { precision: number | null; recall: number | null; rocAuc: number | null } | null;
}

export interface EstimateRow { day: string; label: string; labels: number; scored: number; realised: number | null; estimated: number | null; gap: number | null }

export const METRIC_NAMES: Record<EstimatedMetric, string> = { precision: 'Precision', recall: 'Recall', rocAuc: 'ROC-AUC' };

/** One row per day for one metric; nulls stay so lines break on days without traffic or labels. */
export const estimateRows = (points: EstimatePointInput[], metric: EstimatedMetric): EstimateRow[] =>
  points.map((p) => ({
    day: p.day, label: formatMonthDay(p.day), labels: p.labels, scored: p.scored,
    realised: p[metric], estimated: p.estimated?.[metric] ?? null, gap: p.gap?.[metric] ?? null,
  }));

/** True when some day in the window had scored traffic to estimate from. */
export const hasTraffic = (points: EstimatePointInput[]) => points.some((p) => p.estimated !== null);

/** The largest |gap| in the window, or null when no day has both values. */
export function largestGap(rows: EstimateRow[]): number | null {
  let worst: number | null = null;
  for (const r of rows) if (r.gap !== null && (worst === null || Math.abs(r.gap) > Math.abs(worst))) worst = r.gap;
  return worst;
}
