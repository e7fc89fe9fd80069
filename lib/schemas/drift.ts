// Drift monitoring: request shapes shared by route handlers and the page.
import { z } from 'zod';
import { EventTypeName } from './event-types';
import { Kind } from './models';

export const DriftWindow = z.enum(['hour', 'day', 'week']);
export type DriftWindow = z.infer<typeof DriftWindow>;

export const DriftSnapshotStatus = z.enum(['ok', 'warn', 'alert', 'insufficient']);
export type DriftSnapshotStatus = z.infer<typeof DriftSnapshotStatus>;

/** POST /api/drift/snapshots and the worker job's payload. */
export const DriftSnapshotRequest = z.object({ window: DriftWindow.default('hour') }).strict();
export type DriftSnapshotRequest = z.infer<typeof DriftSnapshotRequest>;

/** GET /api/drift?kind=&window=&limit=, or ?eventType= for the versions serving an event type. */
export const DriftQuery = z.object({
  kind: Kind.default('transaction'),
  eventType: EventTypeName.optional(),
  window: DriftWindow.default('hour'),
  limit: z.coerce.number().int().min(1).max(500).default(48),
}).strict();
export type DriftQuery = z.infer<typeof DriftQuery>;

/** One feature of a snapshot, as stored in DriftSnapshot.features. */
export interface DriftFeatureView {
  name: string;
  type: 'numeric' | 'categorical';
  psi: number;
  ks: number;
  js?: number;
  status: 'ok' | 'warn' | 'alert';
  baseline: number[];
  current: number[];
  edges: number[];
  baselineMissing: number;
  currentMissing: number;
  count: number;
}

export interface DriftSnapshotView {
  id: string;
  modelVersionId: string;
  stage: string;
  window: DriftWindow;
  windowStart: string;
  windowEnd: string;
  count: number;
  flagRate: number;
  scorePsi: number | null;
  features: DriftFeatureView[];
  driftedShare: number;
  status: DriftSnapshotStatus;
  createdAt: string;
}

export interface DriftVersionView { id: string; modelName: string; version: number; stage: string; kind: string }

export interface DriftResponse {
  /** 'event' with eventType set. */
  kind: string;
  eventType?: string;
  window: DriftWindow;
  versions: DriftVersionView[];
  /** Per version id, oldest first. */
  snapshots: Record<string, DriftSnapshotView[]>;
}
