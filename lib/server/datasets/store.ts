// Immutable dataset versions: gzip of the CSV, its sha256, counts, column schema and per-column statistics.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ColumnStatsAccumulator, type ColumnStats } from '@/lib/data/column-stats';
import { TableBuilder } from '@/lib/ml/table';
import { LabelTally, normalizeHeader, type SchemaColumn } from '@/lib/data/csv-schema';
import type { DatasetKind, DatasetSource, DatasetVersionStats } from '@/lib/schemas/datasets';
import { recordAudit } from '../access/audit';
import type { Db } from '../platform/db';
import { db } from '../platform/db';
import { ApiError, conflict, notFound } from '../platform/http';
import { readDatasetContent } from '../platform/raw-bytes';
import type { Principal } from '../access/principal';

export type { DatasetKind, DatasetSource };
export type ColumnInfo = SchemaColumn;

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

/** What an import computed, ready to be stored as one version. */
export interface PreparedVersion {
  name: string;
  /** 'event': rows of an event type, at the definition version below. */
  kind: DatasetKind | 'event';
  eventType?: string;
  eventTypeVersion?: number;
  source: DatasetSource;
  content: Buffer; // gzip of the CSV bytes that sha256 covers
  sha256: string;
  rowCount: number;
  positiveCount: number;
  columns: SchemaColumn[];
  stats: DatasetVersionStats;
  labelColumn: string;
  timeColumn?: string;
  idColumn?: string;
  createdById?: string | null;
}

export const VERSION_SUMMARY = {
  id: true, version: true, source: true, sha256: true, rowCount: true, positiveCount: true,
  labelColumn: true, timeColumn: true, idColumn: true, createdById: true, createdAt: true, eventType: true, eventTypeVersion: true,
} as const;

export function schemaColumns(stats: ColumnStats[], roles: { labelColumn: string; timeColumn?: string; idColumn?: string }): SchemaColumn[] {
  return stats.map(({ name, type }) => {
    const role = name === roles.labelColumn ? 'label' : name === roles.timeColumn ? 'time' : name === roles.idColumn ? 'id' : undefined;
    return { name, type, ...(role ? { role } : {}) } as SchemaColumn;
  });
}

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

/**
 * Stores a prepared version in one transaction: the dataset row is created with its first version or not
 * at all. Two imports racing for the same next version number retry on the unique violation.
 */
export async function storeVersion(v: PreparedVersion, client: Db = db(), actor: Principal | null = null) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.$transaction(async (tx) => {
        const existing = await tx.dataset.findUnique({ where: { name: v.name } });
        if (existing && existing.kind !== v.kind) throw conflict(`Dataset "${v.name}" holds ${existing.kind} data; import ${v.kind} data under another name.`);
        const dataset = existing ?? (await tx.dataset.create({ data: { name: v.name, kind: v.kind } }));
        const last = await tx.datasetVersion.findFirst({ where: { datasetId: dataset.id }, orderBy: { version: 'desc' }, select: { version: true, eventType: true } });
        // One dataset holds one event type (its versions may follow successive definitions of it).
        if (last?.eventType && last.eventType !== v.eventType) throw conflict(`Dataset "${v.name}" holds ${last.eventType} events; import ${v.eventType ?? v.kind} data under another name.`);
        const created = await tx.datasetVersion.create({
          data: {
            datasetId: dataset.id, version: (last?.version ?? 0) + 1, source: v.source, sha256: v.sha256,
            rowCount: v.rowCount, positiveCount: v.positiveCount, columns: v.columns as never, stats: v.stats as never,
            labelColumn: v.labelColumn, timeColumn: v.timeColumn ?? null, idColumn: v.idColumn ?? null,
            content: new Uint8Array(v.content), createdById: v.createdById ?? null,
            eventType: v.eventType ?? null, eventTypeVersion: v.eventTypeVersion ?? null,
          },
          select: VERSION_SUMMARY,
        });
        if (actor) {
          await recordAudit(actor, { action: 'dataset.version.create', targetType: 'dataset', targetId: dataset.id, after: { version: created.version, sha256: v.sha256, rows: v.rowCount, source: v.source } }, tx);
        }
        return { ...created, datasetId: dataset.id, name: dataset.name, kind: dataset.kind };
      });
    } catch (err) {
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}

/** Stats, schema and label counts of in-memory rows (generated data, label snapshots, aggregates). */
export function prepareRows(input: NewDatasetVersion): PreparedVersion {
  const rows = input.rows as Record<string, unknown>[];
  const csv = stringify(rows, { header: true, columns: input.columns });
  const stats = new ColumnStatsAccumulator(input.columns);
  const labels = new LabelTally();
  for (const r of rows) {
    stats.add(input.columns.map((c) => csvCell(r[c])));
    labels.add(csvCell(r[input.labelColumn]));
  }
  const columnStats = stats.finish();
  return {
    ...input,
    content: zlib.gzipSync(csv),
    sha256: crypto.createHash('sha256').update(csv).digest('hex'),
    rowCount: rows.length,
    positiveCount: labels.positives,
    columns: schemaColumns(columnStats, input),
    stats: { columns: columnStats, label: labels.summary() },
  };
}

// csv-stringify writes booleans as 1 and ''; match it so stats agree with the stored CSV.
export const csvCell = (v: unknown) => (v == null ? '' : typeof v === 'boolean' ? (v ? '1' : '') : v instanceof Date ? v.toISOString() : String(v));

/** Stores rows as a new immutable version of the named dataset (created on first use). */
export async function createDatasetVersion(input: NewDatasetVersion, client: Db = db()) {
  return storeVersion(prepareRows(input), client);
}

export function listDatasets() {
  return db().dataset.findMany({
    orderBy: { createdAt: 'asc' },
    include: { versions: { orderBy: { version: 'desc' }, select: VERSION_SUMMARY } },
  });
}

const csvOptions = { bom: true, skip_empty_lines: true, columns: (header: string[]) => normalizeHeader(header) };

/** The rows of a stored version, parsed back from its gzip'd CSV (values stay strings). */
export async function loadDatasetRows(versionId: string) {
  const version = await db().datasetVersion.findUnique({ where: { id: versionId }, omit: { content: true } });
  const gz = version && (await readDatasetContent(versionId));
  if (!version || !gz) throw new Error(`Dataset version ${versionId} not found`);
  const csv = zlib.gunzipSync(gz).toString('utf8');
  const rows = parse(csv, csvOptions) as Record<string, string>[];
  return { rows, version };
}

/**
 * A stored version as a column Table for training: the gzip'd CSV is inflated and parsed as a stream into
 * typed columns, so a million-row version never exists as one string or as an object per row.
 */
export async function loadDatasetTable(versionId: string) {
  const version = await db().datasetVersion.findUnique({ where: { id: versionId }, omit: { content: true } });
  const gz = version && (await readDatasetContent(versionId));
  if (!version || !gz) throw new Error(`Dataset version ${versionId} not found`);
  const records = Readable.from([gz]).pipe(zlib.createGunzip()).pipe(parseStream({ bom: true, skip_empty_lines: true }));
  let builder: TableBuilder | null = null;
  for await (const record of records as AsyncIterable<string[]>) {
    if (builder) builder.add(record);
    else builder = new TableBuilder(normalizeHeader(record));
  }
  const table = (builder ?? new TableBuilder([])).finish();
  return { table, version };
}

/** The first `limit` rows of a stored version, without inflating the rest. */
export async function firstRows(content: Uint8Array, limit: number): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  const source = Readable.from([Buffer.from(content)]).pipe(zlib.createGunzip());
  const parser = source.pipe(parseStream({ ...csvOptions, relax_column_count: true }));
  for await (const row of parser) {
    rows.push(row as Record<string, string>);
    if (rows.length >= limit) break;
  }
  source.destroy();
  return rows;
}

export async function getVersionDetail(id: string, previewRows = 50) {
  const version = await db().datasetVersion.findUnique({
    where: { id },
    select: { ...VERSION_SUMMARY, columns: true, stats: true, content: true, dataset: { select: { id: true, name: true, kind: true } } },
  });
  if (!version) throw notFound('Dataset version');
  const { content, ...meta } = version;
  return { ...meta, columns: meta.columns as unknown as SchemaColumn[], stats: meta.stats as PreparedVersion['stats'] | null, contentBytes: content.byteLength, preview: await firstRows(content, previewRows) };
}

export const unprocessable = (code: string, message: string) => new ApiError(422, code, message);
