// Response contracts of drift (/api/drift), labelled performance, champion vs challenger and monitoring settings.
import { z } from 'zod';
import { DriftSnapshotStatus, DriftWindow, DriftWindowStatus } from '../drift';
import { IsoTime } from './common';
import type { JsonOf } from './served';

/** One feature of a snapshot, as the drift job stored it. */
export const DriftFeature = z.object({
  name: z.string(),
  type: z.enum(['numeric', 'categorical']),
  psi: z.number(),
  ks: z.number(),
  js: z.number().optional(),
  status: z.enum(['ok', 'warn', 'alert']),
  baseline: z.array(z.number()),
  current: z.array(z.number()),
  edges: z.array(z.number()),
  baselineMissing: z.number(),
  currentMissing: z.number(),
  count: z.number(),
  noise: z.number().optional(),
  basis: z.enum(['baseline', 'time_of_day', 'period', 'not_compared']).optional(),
  alerting: z.boolean().optional(),
  note: z.string().optional(),
});

export const DriftSnapshot = z.object({
  id: z.string(),
  modelVersionId: z.string(),
  stage: z.string(),
  window: DriftWindow,
  windowStart: IsoTime,
  windowEnd: IsoTime,
  count: z.number().int(),
  flagRate: z.number(),
  scorePsi: z.number().nullable(),
  features: z.array(DriftFeature),
  driftedShare: z.number(),
  status: DriftSnapshotStatus,
  createdAt: IsoTime,
});

/** A window as it stands now: the last complete one, then the current (partial) one. */
export const DriftWindowState = z.object({
  windowStart: IsoTime,
  windowEnd: IsoTime,
  partial: z.boolean(),
  status: DriftWindowStatus,
  events: z.number().int(),
  computedThrough: IsoTime.nullable(),
  computedCount: z.number().int().nullable(),
});

export const DriftAnswer = z.object({
  /** 'event' when eventType is set. */
  kind: z.string(),
  eventType: z.string().optional(),
  window: DriftWindow,
  versions: z.array(z.object({ id: z.string(), modelName: z.string(), version: z.number().int(), stage: z.string(), kind: z.string() })),
  /** Per version id, oldest first. */
  snapshots: z.record(z.string(), z.array(DriftSnapshot)),
  windows: z.record(z.string(), z.array(DriftWindowState)),
  windowChoice: z.object({
    requested: z.boolean(),
    /** Scored items of the busiest serving version over the last hour, day and week; null when the window was asked for. */
    scored: z.record(DriftWindow, z.number()).nullable(),
    target: z.number(),
  }),
});
export type DriftAnswer = JsonOf<z.infer<typeof DriftAnswer>>;

const Rates = { precision: z.number().nullable(), recall: z.number().nullable(), rocAuc: z.number().nullable() };

/** One UTC day: labelled metrics (null under minLabels) and the label-free estimate. */
export const PerformancePoint = z.object({
  day: z.string(),
  scored: z.number().int(),
  reviewRate: z.number().nullable(),
  labels: z.number().int(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  fpr: z.number().nullable(),
  rocAuc: z.number().nullable(),
  estimated: z.object({ n: z.number().int(), expectedPositives: z.number(), ...Rates, fpr: z.number().nullable() }).nullable(),
  gap: z.object(Rates).nullable(),
});

export const PerformanceAnswer = z.object({
  kind: z.string(),
  eventType: z.string().optional(),
  minLabels: z.number().int(),
  precisionTarget: z.number().nullable(),
  recallTarget: z.number().nullable(),
  points: z.array(PerformancePoint),
});
export type PerformanceAnswer = JsonOf<z.infer<typeof PerformanceAnswer>>;

const VersionRef = z.object({ id: z.string(), label: z.string() });

/** One side judged at its own review threshold (flagCut) on the rows both versions scored. */
export const ShadowSide = z.object({
  id: z.string(),
  label: z.string(),
  algorithm: z.string(),
  flagCut: z.number(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  flagRate: z.number().nullable(),
  cost: z.number().nullable(),
  costPerItem: z.number().nullable(),
  costs: z.object({ fp: z.number(), fn: z.number() }),
});

export const ShadowAnswer = z.object({
  kind: z.string(),
  eventType: z.string().optional(),
  champion: VersionRef.nullable(),
  challenger: VersionRef.nullable(),
  compared: z.number().int(),
  labelled: z.number().int(),
  positives: z.number().int(),
  agreement: z.number().nullable(),
  /** null until both a production and a shadow version exist. */
  sides: z.object({ champion: ShadowSide, challenger: ShadowSide }).nullable(),
});
export type ShadowAnswer = JsonOf<z.infer<typeof ShadowAnswer>>;

/** A kind's (or event:<type>'s) settings; the defaults, with null updatedAt, until first saved. */
export const MonitorSettingsView = z.object({
  kind: z.string(),
  psiWarn: z.number(),
  psiAlert: z.number(),
  driftShare: z.number(),
  precisionTarget: z.number().nullable(),
  recallTarget: z.number().nullable(),
  minLabels: z.number().int(),
  retrainEnabled: z.boolean(),
  retrainOnDrift: z.boolean(),
  retrainNewLabels: z.number().int(),
  lastRetrainAt: IsoTime.nullable(),
  expectedFraudRate: z.number().nullable(),
  updatedAt: IsoTime.nullable(),
  updatedById: z.string().nullable(),
});
export type MonitorSettingsView = JsonOf<z.infer<typeof MonitorSettingsView>>;
