// "Evaluate on…": 2–4 model versions scored on one common holdout, and the job result the compare page shows.
import { z } from 'zod';
import { IdString, saneDate } from './common';
import { EventTypeName } from './event-types';

/** A stored dataset version (all its labelled rows). */
export const DatasetHoldout = z.object({ datasetVersionId: IdString }).strict();

/** The labelled traffic of [from, to): transactions or emails (kind), or an event type's events. */
export const PeriodHoldout = z
  .object({
    kind: z.enum(['email', 'transaction']).optional(),
    eventType: EventTypeName.optional(),
    from: z.coerce.date().pipe(saneDate()),
    to: z.coerce.date().pipe(saneDate()),
  })
  .strict()
  .refine((h) => h.from < h.to, { message: '`from` must be before `to`.', path: ['to'] })
  .refine((h) => !(h.kind && h.eventType), { message: 'Give a kind or an event type, not both.', path: ['eventType'] });

export const EvaluateRequest = z
  .object({
    versionIds: z.array(IdString).min(2, 'Pick 2 to 4 versions.').max(4, 'Pick 2 to 4 versions.')
      .refine((ids) => new Set(ids).size === ids.length, 'Each version once.'),
    holdout: z.union([DatasetHoldout, PeriodHoldout]),
  })
  .strict();
export type EvaluateRequest = z.infer<typeof EvaluateRequest>;
export type EvaluateRequestInput = z.input<typeof EvaluateRequest>;

/** A point estimate with its 95% bootstrap percentile interval; nulls when a class is absent. */
export interface MetricInterval { point: number | null; lower: number | null; upper: number | null }

export interface EvaluatedVersion {
  id: string;
  label: string;
  threshold: number;
  rocAuc: MetricInterval;
  averagePrecision: MetricInterval;
  /** Recall at the version's own threshold. */
  recall: MetricInterval;
  /** Highest recall with a false-positive rate of at most 0.1% and 1%. */
  recallAtFpr: { fpr: number; recall: number | null }[];
  /**
   * This version minus the first one, per paired resample (the same rows drawn for both): an interval that
   * excludes 0 is a difference the holdout can tell. Null for the first version.
   */
  vsFirst: { rocAuc: MetricInterval; averagePrecision: MetricInterval } | null;
  /** ROC points with FPR > 0, spaced for a log-scale FPR axis. */
  roc: { x: number; y: number }[];
}

export interface EvaluationHoldout {
  type: 'dataset' | 'period';
  /** Which rows, in words: "dataset emails v3, 1,200 labelled rows" or "labelled email traffic 2026-01-01 – 2026-02-01". */
  description: string;
  kind: string;
  eventType: string | null;
  dataset: { id: string; versionId: string; name: string; version: number } | null;
  from: string | null;
  to: string | null;
  rows: number;
  positives: number;
  negatives: number;
  /** Labelled rows in the period beyond the cap (the latest rows are kept). */
  truncated: number;
}

/** The result JSON of an 'evaluate' job. */
export interface EvaluationResult {
  /** True by construction: every version was scored on exactly these rows. */
  likeForLike: true;
  holdout: EvaluationHoldout;
  smallSample: string | null;
  resamples: number;
  versions: EvaluatedVersion[];
  durationMs: number;
}

/** What the compare page offers to evaluate on; null when the versions score different kinds or event types. */
export interface HoldoutChoices {
  kind: string;
  eventType: string | null;
  /** Periods of labelled traffic exist for stored transactions, emails and events, not for tabular data. */
  periods: boolean;
  datasetVersions: { id: string; label: string; rowCount: number; positives: number; createdAt: string }[];
}
