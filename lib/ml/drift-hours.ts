// Time-of-day-matched baselines for plain features.
//
// Traffic has a daily rhythm: at night a card shop sees few, fraud-heavy payments (bursts of big charges a few
// minutes apart); in the afternoon many ordinary ones. A window that is not a whole number of days (the
// current day at 06:00, any hourly window) holds a different mix of hours than the baseline, and judged against
// the whole baseline most features "drift" on stationary traffic (69% of the demo's card features at 06:00).
// So the baseline also keeps each feature's counts per bin of the model's hour-of-day feature, and a window is
// compared with the baseline REWEIGHTED to the window's own mix of hours: Σ_h w_h · P(bin | hour bin h). For a
// whole day of stationary traffic the weights are the baseline's own and nothing changes; a shift in the
// values at given hours still shows in full. What this hides by design is a change of WHEN traffic comes
// (bots at 3 a.m.): that is the hour feature's own drift, shown in the heatmap, and the score's.

import { type BaselineFeature, binIndex } from './drift';
import type { FeatureMatrix } from './types';

/**
 * Per hour bin (the bins of `hourEdges`), the counts of `column` on `edges`, then its missing count last.
 * Rows without an hour are left out.
 */
export function countsByHour(column: Float64Array, edges: readonly number[], hours: Float64Array, hourEdges: readonly number[]): number[][] {
  const out = Array.from({ length: hourEdges.length + 1 }, () => new Array<number>(edges.length + 2).fill(0));
  for (let i = 0; i < column.length; i++) {
    const h = hours[i];
    if (h !== h) continue;
    const v = column[i];
    out[binIndex(h, hourEdges)][v === v ? binIndex(v, edges) : edges.length + 1]++;
  }
  return out;
}

/** countsByHour for every feature of a baseline built from X, keyed by name; null without an hour feature. */
export function baselineByHour(X: FeatureMatrix, features: readonly BaselineFeature[], hourFeature: string | null): Map<string, number[][]> | null {
  const hour = hourFeature ? features.find((f) => f.name === hourFeature) : undefined;
  const j = hourFeature ? X.names.indexOf(hourFeature) : -1;
  if (!hour || j < 0) return null;
  return new Map(features.map((f) => [f.name, countsByHour(X.columns[X.names.indexOf(f.name)], f.edges, X.columns[j], hour.edges)]));
}

export interface HourMatched { feature: BaselineFeature; rows: number }

/**
 * The baseline of one feature reweighted to a window's hours: `hourCounts` are the window's counts on the hour
 * feature's bins. Hour bins the baseline never saw are left out of the weights; null when none is left.
 * `rows` is the effective size of the reweighted baseline (1 / Σ w²/n), for the noise of a small hour bin.
 */
export function hourMatchedBaseline(f: BaselineFeature, byHour: readonly (readonly number[])[], hourCounts: readonly number[]): HourMatched | null {
  const bins = f.edges.length + 1;
  // The hour bins both sides hold, with the window's count and the baseline's rows there.
  const used = hourCounts.flatMap((count, h) => {
    const n = byHour[h]?.reduce((a, b) => a + b, 0) ?? 0;
    return count > 0 && n > 0 ? [{ count, n, row: byHour[h] }] : [];
  });
  const weight = used.reduce((a, u) => a + u.count, 0);
  if (!(weight > 0)) return null;
  const present = new Array<number>(bins).fill(0);
  let missing = 0;
  let inverseRows = 0;
  for (const { count, n, row } of used) {
    for (let b = 0; b < bins; b++) present[b] += (count * row[b]) / n;
    missing += (count * row[bins]) / n;
    inverseRows += (count / weight) ** 2 / n;
  }
  const presentTotal = present.reduce((a, b) => a + b, 0);
  return {
    feature: { ...f, shares: present.map((x) => (presentTotal > 0 ? x / presentTotal : 0)), missing: missing / weight },
    rows: 1 / inverseRows,
  };
}
