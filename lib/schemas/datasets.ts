import { z } from 'zod';
import { safeString } from './common';
import { EventTypeName } from './event-types';
import type { ColumnStats } from '@/lib/data/column-stats';
import type { MappingSuggestions, SchemaColumn } from '@/lib/data/csv-schema';

export const DatasetKind = z.enum(['email', 'transaction', 'tabular']);
export type DatasetKind = z.infer<typeof DatasetKind>;
export type DatasetSource = 'upload' | 'generated' | 'labels';

export const DatasetName = safeString(200).trim().regex(/^[A-Za-z0-9][\w.-]{0,79}$/, 'Use 1–80 letters, digits, ".", "_" or "-", starting with a letter or digit.');
const ColumnName = safeString(200).trim().min(1);

/** Query string of POST /api/datasets/import (the body is the raw CSV). */
export const ImportQuery = z.object({
  name: DatasetName,
  kind: DatasetKind,
  label: ColumnName,
  timestamp: ColumnName.optional(),
  id: ColumnName.optional(),
  /** Aggregate event rows into one row per value of this column. */
  aggregate: ColumnName.optional(),
}).strict();
export type ImportQuery = z.infer<typeof ImportQuery>;

/** Query string of POST /api/datasets/import for an event type's events (the body is the raw CSV). */
export const EventImportQuery = z.object({
  name: DatasetName,
  eventType: EventTypeName,
  label: ColumnName,
}).strict();
export type EventImportQuery = z.infer<typeof EventImportQuery>;

export const AggregateSpec = z.object({ by: ColumnName, topK: z.number().int().min(1).max(200).optional() }).strict();

export const ImportPathInput = z.object({
  path: safeString(4096).trim().min(1),
  name: DatasetName,
  kind: DatasetKind,
  labelColumn: ColumnName,
  timestampColumn: ColumnName.optional(),
  idColumn: ColumnName.optional(),
  aggregate: AggregateSpec.optional(),
}).strict();
export type ImportPathInput = z.infer<typeof ImportPathInput>;

export const PreviewPathInput = z.object({ path: safeString(4096).trim().min(1) }).passthrough();

export const SnapshotLabelsInput = z.object({ kind: z.literal('transaction'), name: DatasetName.optional() }).strict();
export type SnapshotLabelsInput = z.infer<typeof SnapshotLabelsInput>;
/** The labelled events of one event type, as a new version of a dataset of that type. */
export const SnapshotEventLabelsInput = z.object({ eventType: EventTypeName, name: DatasetName.optional() }).strict();
export type SnapshotEventLabelsInput = z.infer<typeof SnapshotEventLabelsInput>;
/** The body of POST /api/datasets/snapshot-labels: transactions (kind) or an event type's events (eventType). */
export const SnapshotLabelsRequest = z.union([SnapshotLabelsInput, SnapshotEventLabelsInput]);

export interface CsvPreview {
  header: string[];
  rows: string[][];
  types: SchemaColumn['type'][];
  suggestions: MappingSuggestions;
  /** Bytes read to build the preview; `truncated` when the file goes on. */
  bytesRead: number;
  truncated: boolean;
  warnings: string[];
}

export interface DatasetVersionSummary {
  id: string;
  version: number;
  source: string;
  sha256: string;
  rowCount: number;
  positiveCount: number;
  labelColumn: string;
  timeColumn: string | null;
  idColumn: string | null;
  createdById: string | null;
  createdAt: string;
  eventType: string | null;
  eventTypeVersion: number | null;
}

export interface ImportedVersion extends DatasetVersionSummary {
  datasetId: string;
  name: string;
  kind: string;
  seconds?: number;
}

/** A labels snapshot; warning when a class has too few labels (< 30) for metrics measured on it to be trusted. */
export interface SnapshotLabelsResult extends ImportedVersion { warning: string | null }

export interface DatasetVersionStats {
  columns: ColumnStats[];
  label: { positives: number; negatives: number; unlabelled: number; unreadable: Record<string, number> };
  aggregate?: { by: string; sourceRows: number; vocab: Record<string, string[]> };
}
