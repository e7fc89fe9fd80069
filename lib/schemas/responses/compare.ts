// Response contracts of version comparison (/api/models/compare) and threshold changes.
import { z } from 'zod';
import { IsoTime } from './common';
import type { JsonOf } from './served';

/** Which rows a version's stored metrics come from. */
export const ValidationSource = z.object({
  dataset: z.object({ versionId: z.string(), name: z.string(), version: z.number().int() }).nullable(),
  split: z.enum(['time', 'stratified']).nullable(),
  timestampColumn: z.string().nullable(),
  trainRows: z.number().int().nullable(),
  rows: z.number().int(),
  positives: z.number().int(),
  /** Set when a class has too few validation labels for ROC-AUC and PR-AUC to mean much. */
  smallSample: z.string().nullable(),
});

export const ComparedVersion = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.string(),
  eventType: z.string().nullable(),
  algorithm: z.string(),
  stage: z.string(),
  threshold: z.number(),
  trainingMs: z.number().int(),
  createdAt: IsoTime,
  /** Validation metrics as training stored them. */
  metrics: z.unknown(),
  validation: ValidationSource,
});

/** Dataset versions every compared version can be evaluated on; null when they score different kinds or types. */
export const HoldoutChoices = z.object({
  kind: z.string(),
  eventType: z.string().nullable(),
  periods: z.boolean(),
  datasetVersions: z.array(z.object({ id: z.string(), label: z.string(), rowCount: z.number().int(), positives: z.number().int(), createdAt: IsoTime })),
});

export const Comparison = z.object({
  versions: z.array(ComparedVersion),
  /** One row per metric, a value per version (in the order asked); best marks winners only on a shared evaluation set. */
  metrics: z.array(z.object({ key: z.string(), label: z.string(), higherIsBetter: z.boolean(), values: z.array(z.number().nullable()), best: z.array(z.boolean()) })),
  params: z.array(z.object({ name: z.string(), values: z.array(z.unknown()), differs: z.boolean() })),
  sameEvaluationSet: z.boolean(),
  sameKind: z.boolean(),
  holdouts: HoldoutChoices.nullable(),
});
export type Comparison = JsonOf<z.infer<typeof Comparison>>;

export const ThresholdsAnswer = z.object({ id: z.string(), threshold: z.number(), reviewThreshold: z.number(), blockThreshold: z.number() });
export type ThresholdsAnswer = JsonOf<z.infer<typeof ThresholdsAnswer>>;
