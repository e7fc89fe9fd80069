// CSV input/output for the CLI: whole-file reads into typed columns for training and eval, batched
// streaming for scoring.

import { once } from 'node:events';
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { type Table, TableBuilder } from '../../lib/ml/table';
import { CliError } from './args';

export type CsvRow = Record<string, string>;

export async function checkFile(path: string, what = 'file'): Promise<number> {
  let st;
  try { st = await fsp.stat(path); } catch { throw new CliError(`${what} not found: ${path}`); }
  if (!st.isFile()) throw new CliError(`${what} is not a regular file: ${path}`);
  return st.size;
}

function csvError(path: string, e: unknown): CliError {
  const err = e as Error & { code?: string; lines?: number };
  const where = err.lines ? ` (line ${err.lines})` : '';
  return new CliError(`cannot read CSV ${path}${where}: ${err.message.split('\n')[0]}`);
}

function parser(onHeader: (h: string[]) => void) {
  return parse({
    bom: true,
    skip_empty_lines: true,
    columns: (header: string[]) => {
      const h = header.map((c) => c.trim());
      if (!h.length || h.every((c) => !c)) throw new Error('no header row');
      onHeader(h);
      return h;
    },
  });
}

/**
 * The whole file as a column Table (training and eval need every row, e.g. for time order): numbers
 * land in Float64Arrays and text is dictionary-encoded as it streams in, so no object is kept per row.
 */
export async function readCsvTable(path: string): Promise<{ header: string[]; table: Table }> {
  await checkFile(path, 'CSV file');
  let builder: TableBuilder | null = null;
  try {
    const p = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parse({ bom: true, skip_empty_lines: true }));
    for await (const record of p as AsyncIterable<string[]>) {
      if (builder) { builder.add(record); continue; }
      const h = record.map((c) => c.trim());
      if (!h.length || h.every((c) => !c)) throw new Error('no header row');
      const dup = h.find((c, i) => h.indexOf(c) !== i);
      if (dup !== undefined) throw new CliError(`CSV file ${path} repeats the column '${dup}'`);
      builder = new TableBuilder(h);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw csvError(path, e);
  }
  if (!builder) throw new CliError(`CSV file is empty: ${path}`);
  return { header: builder.names, table: builder.finish() };
}

export interface StreamOptions {
  batchSize?: number;
  /** Extra output columns appended after the input ones. */
  extraColumns: string[];
  /** First call has the header; return false to abort (e.g. missing columns) after throwing yourself. */
  onHeader?: (header: string[]) => void;
  /** Values of the extra columns for each row of the batch. */
  transform: (rows: CsvRow[]) => Promise<string[][]> | string[][];
  onProgress?: (bytesRead: number, rows: number) => void;
}

/** csv-parse stream → batches → csv-stringify → file, with backpressure, so memory stays flat. */
export async function streamCsv(inPath: string, outPath: string, opts: StreamOptions): Promise<number> {
  await checkFile(inPath, 'CSV file');
  const batchSize = opts.batchSize ?? 5000;
  const input = createReadStream(inPath);
  let bytes = 0;
  input.on('data', (chunk) => { bytes += chunk.length; });
  let header: string[] = [];
  const p = input.pipe(parser((h) => { header = h; opts.onHeader?.(h); }));
  const out = createWriteStream(outPath);
  const outDone = once(out, 'finish');
  out.on('error', () => {}); // surfaced by the awaits below
  let writer: ReturnType<typeof stringify> | null = null;
  let total = 0;
  const flush = async (batch: CsvRow[]) => {
    if (!batch.length) return;
    if (!writer) {
      writer = stringify({ header: true, columns: [...header, ...opts.extraColumns] });
      writer.pipe(out);
    }
    const extra = await opts.transform(batch);
    for (let i = 0; i < batch.length; i++) {
      const rec = [...header.map((c) => batch[i][c] ?? ''), ...extra[i]];
      if (!writer.write(rec)) await once(writer, 'drain');
    }
    total += batch.length;
    opts.onProgress?.(bytes, total);
  };
  try {
    let batch: CsvRow[] = [];
    for await (const r of p) {
      batch.push(r as CsvRow);
      if (batch.length >= batchSize) { await flush(batch); batch = []; }
    }
    await flush(batch);
  } catch (e) {
    input.destroy(); out.destroy();
    if (e instanceof CliError) throw e;
    const err = e as Error & { code?: string };
    if (err.code?.startsWith('CSV_') || err.message === 'no header row') throw csvError(inPath, e);
    throw e;
  }
  if (!header.length) { out.destroy(); throw new CliError(`CSV file is empty: ${inPath}`); }
  if (!writer) { writer = stringify({ header: true, columns: [...header, ...opts.extraColumns] }); writer.pipe(out); }
  (writer as ReturnType<typeof stringify>).end();
  await outDone;
  return total;
}

/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export function progressBar(totalBytes: number, label = 'scoring') {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  const mb = (b: number) => (b / 1048576).toFixed(1);
  return {
    update(bytes: number, rows: number) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && bytes < totalBytes) return;
      last = now;
      const frac = totalBytes ? Math.min(1, bytes / totalBytes) : 1;
      const width = 30, fill = Math.round(frac * width);
      process.stderr.write(`\r${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${Math.round(frac * 100)}% ${mb(bytes)}/${mb(totalBytes)} MB, ${rows.toLocaleString('en-US')} rows`);
    },
    done() { if (tty) process.stderr.write('\n'); },
  };
}

/** Reads and validates a model file written by `train`. */
export async function readModelFile(path: string): Promise<import('../../lib/ml/model').TrainedModel> {
  await checkFile(path, 'model file');
  let json: { format?: unknown };
  try { json = JSON.parse(await fsp.readFile(path, 'utf8')); } catch { throw new CliError(`model file is not valid JSON: ${path}`); }
  if (json?.format !== 'vigil-model/1') throw new CliError(`not a Vigil model file (expected format vigil-model/1): ${path}`);
  return json as import('../../lib/ml/model').TrainedModel;
}
