// Streams a CSV once: size cap, sha256 and gzip of the raw bytes, csv-parse, label tally and column
// statistics, all chunk by chunk. Nothing is written to the database here; bad input throws an ApiError.
import crypto from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { EventAggregator } from '@/lib/data/aggregate';
import { ColumnStatsAccumulator } from '@/lib/data/column-stats';
import { LabelTally, normalizeHeader } from '@/lib/data/csv-schema';
import { ApiError } from '../platform/http';
import { assertText, csvError, duplicateColumnsError, labelProblem, noRows, tooLarge } from './csv-errors';
import { schemaColumns, unprocessable, type PreparedVersion } from './store';

export interface IngestOptions {
  labelColumn: string;
  timeColumn?: string;
  idColumn?: string;
  aggregate?: { by: string; topK?: number };
  maxBytes: number;
  /** The setting named when the file exceeds maxBytes. */
  limitSetting?: string;
}

export type Ingested = Omit<PreparedVersion, 'name' | 'kind' | 'source' | 'createdById'> & { bytes: number; sourceRows: number };

export { csvError, tooLarge } from './csv-errors';

export function checkHeader(header: string[], opts: Omit<IngestOptions, 'maxBytes'>) {
  const dup = duplicateColumnsError(header);
  if (dup) throw dup;
  const wanted: [string, string | undefined][] = [['label', opts.labelColumn], ['timestamp', opts.timeColumn], ['id', opts.idColumn], ['aggregate.by', opts.aggregate?.by]];
  for (const [field, column] of wanted) {
    if (column !== undefined && !header.includes(column)) {
      const message = `There is no ${field} column "${column}": none of the header's ${header.length} columns has that name. Preview the file to see its column names.`;
      throw new ApiError(400, 'no_such_column', message, { [field]: [`No column named "${column}" in the header.`] });
    }
  }
}

export async function ingestCsv(source: Readable | AsyncIterable<Uint8Array>, opts: IngestOptions): Promise<Ingested> {
  const hash = crypto.createHash('sha256');
  const gzip = zlib.createGzip();
  const gzipped: Buffer[] = [];
  gzip.on('data', (c: Buffer) => gzipped.push(c));
  let bytes = 0;
  // pipeline() may reject with an AbortError from tearing down the source; report the cause instead.
  let cause: unknown = null;
  // Aggregated imports store the aggregate, so the raw bytes are neither hashed nor kept.
  const keepRaw = !opts.aggregate;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > opts.maxBytes) return done((cause = tooLarge(opts.maxBytes, opts.limitSetting)));
      try {
        assertText(chunk, bytes - chunk.length);
      } catch (err) {
        return done((cause = err as Error));
      }
      if (keepRaw) { hash.update(chunk); gzip.write(chunk); }
      done(null, chunk);
    },
  });
  const parser = parse({ bom: true, skip_empty_lines: true });
  const state: { header: string[] | null; stats: ColumnStatsAccumulator | null; aggregator: EventAggregator | null; rows: number } = { header: null, stats: null, aggregator: null, rows: 0 };
  const labels = new LabelTally();
  let labelIndex = -1;
  const consume = async (records: AsyncIterable<string[]>) => {
    for await (const record of records) {
      if (!state.header) {
        state.header = normalizeHeader(record);
        checkHeader(state.header, opts);
        labelIndex = state.header.indexOf(opts.labelColumn);
        if (opts.aggregate) state.aggregator = new EventAggregator({ by: opts.aggregate.by, label: opts.labelColumn, topK: opts.aggregate.topK });
        else state.stats = new ColumnStatsAccumulator(state.header);
        continue;
      }
      state.rows++;
      if (state.aggregator) { const h = state.header; state.aggregator.add(Object.fromEntries(h.map((name, i) => [name, record[i]]))); }
      else { state.stats!.add(record); labels.add(record[labelIndex]); }
    }
  };

  try {
    await pipeline(source, tap, parser, async (records: AsyncIterable<string[]>) => {
      try {
        await consume(records);
      } catch (err) {
        cause ??= err;
        throw err;
      }
    });
  } catch (err) {
    gzip.destroy();
    throw csvError(cause ?? err);
  }
  const { header, stats, aggregator, rows } = state;
  if (bytes === 0) throw new ApiError(400, 'empty_file', 'The file is empty (0 bytes). Send a CSV with a header row and data rows.');
  if (!header) throw new ApiError(400, 'empty_file', 'The file has no CSV content. Send a header row and data rows.');
  if (rows === 0) throw noRows(header.length);

  if (aggregator) return finishAggregate(aggregator, opts, bytes, rows);
  gzip.end();
  await new Promise((resolve, reject) => gzip.once('end', resolve).once('error', reject));
  const problem = labelProblem(labels, opts.labelColumn);
  if (problem) throw unprocessable('unusable_labels', problem);
  const columnStats = stats!.finish();
  return {
    content: Buffer.concat(gzipped), sha256: hash.digest('hex'), bytes, sourceRows: rows,
    rowCount: rows, positiveCount: labels.positives,
    columns: schemaColumns(columnStats, opts), stats: { columns: columnStats, label: labels.summary() },
    labelColumn: opts.labelColumn, timeColumn: opts.timeColumn, idColumn: opts.idColumn,
  };
}

function finishAggregate(aggregator: EventAggregator, opts: IngestOptions, bytes: number, sourceRows: number): Ingested {
  const by = opts.aggregate!.by;
  const result = aggregator.finish();
  const csv = stringify(result.rows, { header: true, columns: result.columns });
  const stats = new ColumnStatsAccumulator(result.columns);
  const labels = new LabelTally();
  for (const r of result.rows) {
    stats.add(result.columns.map((c) => String(r[c] ?? '')));
    labels.add(String(r[opts.labelColumn] ?? ''));
  }
  const problem = labelProblem(labels, opts.labelColumn);
  if (problem) throw unprocessable('unusable_labels', problem);
  const columnStats = stats.finish();
  const roles = { labelColumn: opts.labelColumn, idColumn: by };
  return {
    content: zlib.gzipSync(csv), sha256: crypto.createHash('sha256').update(csv).digest('hex'), bytes, sourceRows,
    rowCount: result.rows.length, positiveCount: labels.positives,
    columns: schemaColumns(columnStats, roles),
    stats: { columns: columnStats, label: labels.summary(), aggregate: { by, sourceRows, vocab: result.vocab } },
    ...roles,
  };
}
