// Response contracts of one dataset version (/api/datasets/versions/{id}), imports, snapshots and the import preview.
import { z } from 'zod';
import { DatasetVersionSummary } from './datasets';
import { IsoTime } from './common';
import type { JsonOf } from './served';

const SchemaColumn = z.object({ name: z.string(), type: z.enum(['number', 'string']), role: z.enum(['label', 'time', 'id']).optional() });

/** Per-column statistics as computed at import (histograms, levels…), the label tally, and how events were aggregated. */
export const DatasetVersionStats = z.object({
  columns: z.array(z.unknown()),
  label: z.object({ positives: z.number().int(), negatives: z.number().int(), unlabelled: z.number().int(), unreadable: z.record(z.string(), z.number()) }),
  aggregate: z.object({ by: z.string(), sourceRows: z.number().int(), vocab: z.record(z.string(), z.array(z.string())) }).optional(),
});

export const DatasetVersionDetail = DatasetVersionSummary.extend({
  columns: z.array(SchemaColumn),
  /** null for versions stored before statistics were kept. */
  stats: DatasetVersionStats.nullable(),
  dataset: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  contentBytes: z.number().int(),
  /** The first rows, as the CSV holds them. */
  preview: z.array(z.record(z.string(), z.string())),
});
export type DatasetVersionDetail = JsonOf<z.infer<typeof DatasetVersionDetail>>;

/** A stored version with its dataset; seconds the import took. */
export const ImportedVersion = DatasetVersionSummary.extend({ datasetId: z.string(), name: z.string(), kind: z.string(), createdAt: IsoTime, seconds: z.number().optional() });
export type ImportedVersion = JsonOf<z.infer<typeof ImportedVersion>>;

/** An event type's CSV also names the definition version and the columns its definition does not use. */
export const ImportAnswer = z.union([ImportedVersion.extend({ eventType: z.string(), eventTypeVersion: z.number().int(), ignored: z.array(z.string()) }), ImportedVersion]);

/** warning: a class has too few labels for metrics measured on the snapshot to be trusted. */
export const SnapshotAnswer = ImportedVersion.extend({ warning: z.string().nullable() });

export const CsvPreview = z.object({
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  types: z.array(z.enum(['number', 'string'])),
  suggestions: z.object({
    kind: z.string(),
    emailColumn: z.string().optional(),
    labelCandidates: z.array(z.string()),
    timestampCandidates: z.array(z.string()),
    idCandidates: z.array(z.string()),
    aggregateBy: z.string().optional(),
  }),
  bytesRead: z.number().int(),
  truncated: z.boolean(),
  warnings: z.array(z.string()),
});
export type CsvPreview = JsonOf<z.infer<typeof CsvPreview>>;
