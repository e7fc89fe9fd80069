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

/**
 * GET /api/drift?kind=&window=&limit=, or ?eventType= for the versions serving an event type. Without a
 * window the server picks the shortest one that holds enough scored traffic (DriftWindowChoice).
 */
export const DriftQuery = z.object({
  kind: Kind.default('transaction'),
  eventType: EventTypeName.optional(),
  window: DriftWindow.optional(),
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
  /** PSI a sample of this size reaches by chance; the status judges psi − noise. */
  noise?: number;
  /** baseline: the whole training baseline; time_of_day: reweighted to the window's hours; period: its calendar period matching the window; not_compared. */
  basis?: 'baseline' | 'time_of_day' | 'period' | 'not_compared';
  /** false: shown, not counted for the window's status (note says why). */
  alerting?: boolean;
  note?: string;
}

/** State of one window now: never computed, computed with no or too little traffic, or its drift status. */
export const DriftWindowStatus = z.enum(['not_computed', 'no_traffic', 'insufficient', 'ok', 'warn', 'alert']);
export type DriftWindowStatus = z.infer<typeof DriftWindowStatus>;

export interface DriftWindowState {
  windowStart: string;
  windowEnd: string;
  /** The current window, still filling. */
  partial: boolean;
  status: DriftWindowStatus;
  /** Scored items in the window now (not at the last computation). */
  events: number;
  /** How far the stored snapshot reaches and the count it saw; null when never computed. */
  computedThrough: string | null;
  computedCount: number | null;
}

export interface DriftWindowChoice {
  /** True when the query named the window; else it was picked from the traffic volume. */
  requested: boolean;
  /** Scored items of the busiest serving version over the last hour, day and week; null when requested. */
  scored: Record<DriftWindow, number> | null;
  /** The shortest window that holds at least this many is the default (else the week). */
  target: number;
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
  /** Per version id: the last complete window, then the current one. */
  windows: Record<string, DriftWindowState[]>;
  windowChoice: DriftWindowChoice;
}
