// Response contract of the dataset list (/api/datasets).
import { z } from 'zod';
import { IsoTime } from './common';
import type { JsonOf } from './served';

export const DatasetVersionSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  source: z.string(),
  sha256: z.string(),
  rowCount: z.number().int(),
  positiveCount: z.number().int(),
  labelColumn: z.string(),
  timeColumn: z.string().nullable(),
  idColumn: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: IsoTime,
  eventType: z.string().nullable(),
  eventTypeVersion: z.number().int().nullable(),
});
export type DatasetVersionSummary = JsonOf<z.infer<typeof DatasetVersionSummary>>;

export const DatasetSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  createdAt: IsoTime,
  versions: z.array(DatasetVersionSummary),
  latest: DatasetVersionSummary.nullable(),
});
export type DatasetSummary = JsonOf<z.infer<typeof DatasetSummary>>;

export const DatasetList = z.object({ datasets: z.array(DatasetSummary) });
export type DatasetList = JsonOf<z.infer<typeof DatasetList>>;
