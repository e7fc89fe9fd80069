// Immutable dataset versions: gzip of the CSV, its sha256, counts and column schema.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Db } from './db';
import { db } from './db';

export type DatasetKind = 'email' | 'transaction' | 'tabular';
export type DatasetSource = 'upload' | 'generated' | 'labels';

export interface ColumnInfo { name: string; type: 'number' | 'string'; role?: 'label' | 'time' | 'id' }

export interface NewDatasetVersion {
  name: string;
  kind: DatasetKind;
  source: DatasetSource;
  rows: readonly object[];
  columns: string[];
  labelColumn: string;
  timeColumn?: string;
  idColumn?: string;
  createdById?: string | null;
}

const isPositive = (v: unknown) => v === 1 || v === '1' || v === true || v === 'fraud';

function inferColumns(input: NewDatasetVersion): ColumnInfo[] {
  return input.columns.map((name) => {
    const sample = (input.rows.slice(0, 500) as Record<string, unknown>[]).map((r) => r[name]).filter((v) => v !== '' && v != null);
    const numeric = sample.length > 0 && sample.every((v) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))));
    const role = name === input.labelColumn ? 'label' : name === input.timeColumn ? 'time' : name === input.idColumn ? 'id' : undefined;
    return { name, type: numeric ? 'number' : 'string', ...(role ? { role } : {}) };
  });
}

/** Stores rows as a new immutable version of the named dataset (created on first use). */
export async function createDatasetVersion(input: NewDatasetVersion, client: Db = db()) {
  const csv = stringify(input.rows as Record<string, unknown>[], { header: true, columns: input.columns });
  const sha256 = crypto.createHash('sha256').update(csv).digest('hex');
  const dataset = await client.dataset.upsert({ where: { name: input.name }, create: { name: input.name, kind: input.kind }, update: {} });
  const last = await client.datasetVersion.findFirst({ where: { datasetId: dataset.id }, orderBy: { version: 'desc' }, select: { version: true } });
  return client.datasetVersion.create({
    data: {
      datasetId: dataset.id,
      version: (last?.version ?? 0) + 1,
      source: input.source,
      sha256,
      rowCount: input.rows.length,
      positiveCount: (input.rows as Record<string, unknown>[]).filter((r) => isPositive(r[input.labelColumn])).length,
      columns: inferColumns(input) as never,
      labelColumn: input.labelColumn,
      timeColumn: input.timeColumn ?? null,
      idColumn: input.idColumn ?? null,
      content: zlib.gzipSync(csv),
      createdById: input.createdById ?? null,
    },
  });
}

export function listDatasets() {
  return db().dataset.findMany({
    orderBy: { createdAt: 'asc' },
    include: { versions: { orderBy: { version: 'desc' }, select: { id: true, version: true, rowCount: true, positiveCount: true, source: true, createdAt: true, sha256: true } } },
  });
}

/** The rows of a stored version, parsed back from its gzip'd CSV (values stay strings). */
export async function loadDatasetRows(versionId: string) {
  const version = await db().datasetVersion.findUnique({ where: { id: versionId } });
  if (!version) throw new Error(`Dataset version ${versionId} not found`);
  const csv = zlib.gunzipSync(Buffer.from(version.content)).toString('utf8');
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return { rows, version };
}
