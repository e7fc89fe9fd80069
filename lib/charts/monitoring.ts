// Chart prep for monitoring: threshold sweeps, labelled performance per day, champion vs challenger.
import type { SweepPoint } from '@/lib/ml/sweep';
import { reviewBand } from '@/lib/ml/threshold';
import { formatMonthDay } from '@/lib/format';

export interface SweepRow { threshold: number; precision: number; recall: number; reviewRate: number; cost: number }

/** Rates stay in [0, 1] on the left axis; cost is drawn on its own right axis. */
export const sweepRows = (sweep: SweepPoint[]): SweepRow[] =>
  sweep.map((s) => ({ threshold: s.threshold, precision: s.precision, recall: s.recall, reviewRate: s.reviewRate, cost: s.cost }));

/** Parses what a person typed or dragged: a finite number strictly inside (0, 1), rounded to 4 places. */
export function parseThreshold(raw: string | number): number | null {
  const x = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(',', '.'));
  if (!Number.isFinite(x) || x <= 0 || x >= 1) return null;
  return Math.round(x * 10_000) / 10_000;
}

/** The stored triple for a chosen cut-off: the band sits around it in log-odds (lib/ml/threshold). */
export function thresholdsFor(threshold: number) {
  const band = reviewBand(threshold);
  return { threshold, reviewThreshold: band.review, blockThreshold: band.block };
}

export interface PerfPoint { day: string; labels: number; scored: number; precision: number | null; recall: number | null; fpr: number | null; reviewRate: number | null }

/** Days as short labels; nulls are kept so the lines break where labels were too few. */
export const performanceRows = (points: PerfPoint[]) =>
  points.map((p) => ({ ...p, label: formatMonthDay(p.day) }));

export const gapCount = (points: PerfPoint[]) => points.filter((p) => p.precision === null).length;

/** Which side is better on a metric: null on a tie or when either value is missing. */
export function better(a: number | null | undefined, b: number | null | undefined, higherIsBetter: boolean): 'champion' | 'challenger' | null {
  if (a === null || a === undefined || b === null || b === undefined || a === b) return null;
  return (a > b) === higherIsBetter ? 'champion' : 'challenger';
}
