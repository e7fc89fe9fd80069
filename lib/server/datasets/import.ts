// CSV imports: a streamed upload (the request body) or a file on the server, plus the 64 KB preview.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { inferColumnTypes, normalizeHeader, suggestMapping } from '@/lib/data/csv-schema';
import type { CsvPreview, EventImportQuery, ImportPathInput, ImportQuery, ImportedVersion } from '@/lib/schemas/datasets';
import { definitionOf } from '../events/event-types';
import { ApiError } from '../platform/http';
import type { Principal } from '../access/principal';
import { assertText, csvError, noRows, tooLarge } from './csv-errors';
import { openImportFile } from './import-dir';
import { ingestCsv, type IngestOptions } from './ingest';
import { storeVersion } from './store';

const Limits = z.object({
  VIGIL_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(200 * 1024 * 1024),
  // Server-path imports exist for files too big to upload through a browser. 1 GB is ~10M rows of a 15-column
  // table: its training needs several GB, so a larger file is refused (413, before reading) unless raised on purpose.
  VIGIL_MAX_IMPORT_PATH_BYTES: z.coerce.number().int().positive().default(1024 * 1024 * 1024),
});
export const importLimits = () => Limits.parse({
  VIGIL_MAX_UPLOAD_BYTES: process.env.VIGIL_MAX_UPLOAD_BYTES || undefined,
  VIGIL_MAX_IMPORT_PATH_BYTES: process.env.VIGIL_MAX_IMPORT_PATH_BYTES || undefined,
});

export const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 20;
const INFER_ROWS = 50;

const actorId = (who: Principal | null) => (who?.kind === 'user' ? who.id : null);

function requestBody(req: Request, maxBytes: number): Readable {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) throw new ApiError(400, 'empty_file', 'The request has no body. Send the CSV as the request body (content-type text/csv).');
  return Readable.fromWeb(req.body as unknown as NodeReadableStream<Uint8Array>);
}

async function runImport(source: Readable, meta: { name: string; kind: ImportQuery['kind'] }, opts: IngestOptions, who: Principal | null): Promise<ImportedVersion> {
  const started = performance.now();
  const { bytes: _bytes, sourceRows: _rows, ...ingested } = await ingestCsv(source, opts);
  const stored = await storeVersion({ ...ingested, ...meta, source: 'upload', createdById: actorId(who) }, undefined, who);
  return { ...stored, createdAt: stored.createdAt.toISOString(), seconds: (performance.now() - started) / 1000 };
}

export function importUpload(req: Request, q: ImportQuery, who: Principal | null) {
  const { VIGIL_MAX_UPLOAD_BYTES: maxBytes } = importLimits();
  const source = requestBody(req, maxBytes);
  const aggregate = q.aggregate ? { by: q.aggregate } : undefined;
  return runImport(source, q, { labelColumn: q.label, timeColumn: q.timestamp, idColumn: q.id, aggregate, maxBytes }, who);
}

/**
 * A CSV of one event type's events: stored as a version tied to the type's current definition version, with the
 * definition's id and time fields as the version's id and time columns. Columns the definition does not name are
 * kept in the file and listed as `ignored` (features never read them).
 */
export async function importEventUpload(req: Request, q: EventImportQuery, who: Principal | null): Promise<ImportedVersion & { eventType: string; eventTypeVersion: number; ignored: string[] }> {
  const { definition, version } = await definitionOf(q.eventType);
  const { VIGIL_MAX_UPLOAD_BYTES: maxBytes } = importLimits();
  const source = requestBody(req, maxBytes);
  const started = performance.now();
  const { bytes: _bytes, sourceRows: _rows, ...ingested } = await ingestCsv(source, { labelColumn: q.label, timeColumn: definition.timeField, idColumn: definition.idField, maxBytes });
  const meta = { name: q.name, kind: 'event' as const, eventType: q.eventType, eventTypeVersion: version };
  const stored = await storeVersion({ ...ingested, ...meta, source: 'upload', createdById: actorId(who) }, undefined, who);
  const named = new Set([...definition.fields.map((f) => f.name), q.label]);
  const ignored = ingested.columns.map((c) => c.name).filter((c) => !named.has(c));
  return { ...stored, createdAt: stored.createdAt.toISOString(), seconds: (performance.now() - started) / 1000, eventType: q.eventType, eventTypeVersion: version, ignored };
}

export async function importPath(input: ImportPathInput, who: Principal | null) {
  const { VIGIL_MAX_IMPORT_PATH_BYTES: maxBytes } = importLimits();
  const { fd, size } = await openImportFile(input.path);
  if (size > maxBytes) {
    await fd.close();
    throw tooLarge(maxBytes, 'VIGIL_MAX_IMPORT_PATH_BYTES');
  }
  const opts = { labelColumn: input.labelColumn, timeColumn: input.timestampColumn, idColumn: input.idColumn, aggregate: input.aggregate, maxBytes, limitSetting: 'VIGIL_MAX_IMPORT_PATH_BYTES' };
  return runImport(fd.createReadStream({ highWaterMark: 1 << 20 }), input, opts, who);
}

/** At most `limit` bytes from the start of a stream, then stops reading it. */
async function head(stream: AsyncIterable<Uint8Array> & { destroy?: () => void }, limit: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of stream) {
    chunks.push(Buffer.from(chunk));
    size += chunk.byteLength;
    if (size >= limit) { truncated = true; break; }
  }
  stream.destroy?.();
  const all = Buffer.concat(chunks);
  return { bytes: all.subarray(0, limit), truncated: truncated && all.length >= limit };
}

export function previewCsv(bytes: Buffer, truncated: boolean): CsvPreview {
  if (bytes.length === 0) throw new ApiError(400, 'empty_file', 'The file is empty (0 bytes). Send a CSV with a header row and data rows.');
  assertText(bytes, 0);
  // A truncated read ends mid-line: keep whole lines only (and drop more if a quoted field was cut).
  let text = bytes.toString('utf8');
  if (truncated) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  let records: string[][] | null = null;
  for (let attempt = 0; attempt < 5 && records === null; attempt++) {
    try {
      records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, to_line: INFER_ROWS + 1 }) as string[][];
    } catch (err) {
      if (!truncated) throw csvError(err);
      text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    }
  }
  if (!records?.length) throw new ApiError(400, 'empty_file', 'The file has no CSV content. Send a header row and data rows.');
  const header = normalizeHeader(records[0]);
  const rows = records.slice(1, INFER_ROWS + 1);
  if (!rows.length) throw noRows(header.length);
  const warnings = rows.flatMap((r, i) => (r.length === header.length ? [] : [`Line ${i + 2} has ${r.length} fields; the header has ${header.length}.`]));
  return {
    header, rows: rows.slice(0, PREVIEW_ROWS), types: inferColumnTypes(header, rows), suggestions: suggestMapping(header, rows),
    bytesRead: bytes.length, truncated, warnings,
  };
}

/** `partial`: the client sent only the start of a larger file (File.slice), so its last line may be cut. */
export async function previewUpload(req: Request, partial = false): Promise<CsvPreview> {
  const { bytes, truncated } = await head(requestBody(req, Number.MAX_SAFE_INTEGER), PREVIEW_BYTES);
  return previewCsv(bytes, truncated || partial);
}

export async function previewPath(input: { path: string }): Promise<CsvPreview> {
  const { fd, size } = await openImportFile(input.path);
  const { bytes } = await head(fd.createReadStream({ start: 0, end: PREVIEW_BYTES - 1 }), PREVIEW_BYTES);
  return previewCsv(bytes, size > PREVIEW_BYTES);
}
