// Response contract of a backtest (POST /api/models/versions/{id}/backtest): replayed labels, metrics and a threshold sweep.
import { z } from 'zod';
import type { JsonOf } from './served';

/** One threshold of the sweep: "score ≥ threshold is fraud" (lib/ml/sweep.ts computes it). */
export const SweepPoint = z.object({
  threshold: z.number(),
  tp: z.number(), fp: z.number(), tn: z.number(), fn: z.number(),
  precision: z.number(), recall: z.number(), fpr: z.number(),
  /** Share of all items sent to review or block when the band is reviewBand(threshold). */
  reviewRate: z.number(),
  cost: z.number(),
});
export type SweepPoint = JsonOf<z.infer<typeof SweepPoint>>;

/** Metrics of labelled scores (lib/ml/metrics.ts); curves as the charts draw them. */
export const EvalMetrics = z.object({
  n: z.number().int(),
  positives: z.number().int(),
  rocAuc: z.number().nullable(),
  averagePrecision: z.number().nullable(),
  logLoss: z.number(),
  brier: z.number(),
  confusion: z.unknown(),
  roc: z.array(z.unknown()),
  pr: z.array(z.unknown()),
  calibration: z.array(z.unknown()),
});

export const BacktestAnswer = z.object({
  versionId: z.string(),
  kind: z.string(),
  n: z.number().int(),
  positives: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  threshold: z.number(),
  bands: z.object({ review: z.number(), block: z.number() }),
  costs: z.object({ fp: z.number(), fn: z.number() }),
  metrics: EvalMetrics.nullable(),
  rocAucInterval: z.tuple([z.number(), z.number()]).nullable(),
  /** Set when either class has too few labels for the metrics to mean much. */
  warning: z.string().nullable(),
  atThreshold: SweepPoint,
  sweep: z.array(SweepPoint),
  /** [score, label] pairs. */
  scores: z.array(z.tuple([z.number(), z.number()]).readonly()),
});
export type BacktestAnswer = JsonOf<z.infer<typeof BacktestAnswer>>;
