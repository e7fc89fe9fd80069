// Response contracts of the model registry: the list (/api/models) and a version's summary (stage changes).
import { z } from 'zod';
import { ModelStage } from '../models';
import { IsoTime } from './common';
import type { JsonOf } from './served';

/** Validation metrics as training stored them (rocAuc, averagePrecision, curves …). */
export const VersionMetrics = z.record(z.string(), z.unknown());
export type VersionMetrics = z.infer<typeof VersionMetrics>;

export const VersionSummary = z.object({
  id: z.string(),
  modelId: z.string(),
  version: z.number().int(),
  kind: z.string(),
  servingSlot: z.string(),
  algorithm: z.string(),
  stage: ModelStage,
  metrics: VersionMetrics,
  threshold: z.number(),
  reviewThreshold: z.number(),
  blockThreshold: z.number(),
  datasetVersionId: z.string().nullable(),
  trainedByLabel: z.string().nullable(),
  trainingMs: z.number().int(),
  createdAt: IsoTime,
  promotedAt: IsoTime.nullable(),
  note: z.string().nullable(),
  evalSetKey: z.string().nullable(),
  jobId: z.string().nullable(),
});
export type VersionSummary = JsonOf<z.infer<typeof VersionSummary>>;

export const ModelEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  versions: z.array(VersionSummary),
  production: VersionSummary.nullable(),
  bestCandidate: VersionSummary.nullable(),
});
export type ModelEntry = JsonOf<z.infer<typeof ModelEntry>>;

export const ModelList = z.object({ models: z.array(ModelEntry) });
export type ModelList = JsonOf<z.infer<typeof ModelList>>;

/** One audit log entry (the registry shows a version's history). */
export const AuditEntry = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: IsoTime,
});
export type AuditEntry = JsonOf<z.infer<typeof AuditEntry>>;

/** GET /api/models/versions/{id}: the version with what it was trained on, and its audit history. */
export const VersionDetail = z.object({
  version: VersionSummary.extend({
    params: z.unknown(),
    importances: z.unknown(),
    baseline: z.unknown(),
    trainingLog: z.unknown(),
    model: z.object({ id: z.string(), name: z.string() }),
    datasetVersion: z.object({ id: z.string(), version: z.number().int(), dataset: z.object({ name: z.string() }) }).nullable(),
  }),
  history: z.array(AuditEntry),
});
export type VersionDetail = JsonOf<z.infer<typeof VersionDetail>>;
