// CSV input/output for the CLI: whole-file reads into typed columns for training and eval, batched
// streaming for scoring (its own splitter: lines pass through unchanged and cells are read lazily).

import { once } from 'node:events';
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { type Table, TableBuilder, type TableView } from '../../lib/ml/table';
import { CliError } from './args';
import { ASCII_RE, CHUNK_BYTES, COMMA, CsvSyntaxError, LF, parseRecords, RecordBatch } from './csv-records';

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
  /** Rows per featurise-and-score call (a chunk of the file may end a batch early). */
  batchSize?: number;
  /** Extra output columns appended after the input ones. */
  extraColumns: string[];
  /** Called once with the (trimmed) header; throw to abort, e.g. for missing columns. */
  onHeader?: (header: string[]) => void;
  /**
   * The batch's rows as a column view (cells read lazily, no object per row); returns, per row, the CSV text of
   * the extra cells joined by commas (quote them with csvCell when they may hold commas or quotes).
   */
  transform: (rows: TableView) => Promise<string[]> | string[];
  onProgress?: (bytesRead: number, rows: number) => void;
  /** Bytes read at a time (tests use small chunks to cut records and multi-byte characters). */
  chunkBytes?: number;
}

/** A cell as CSV text: quoted when it holds a comma, quote, or line break. */
export function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function streamCsv(inPath: string, outPath: string, opts: StreamOptions): Promise<number> {
  await checkFile(inPath, 'CSV file');
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 20_000));
  const input = await fsp.open(inPath, 'r');
  const out = createWriteStream(outPath);
  const outDone = once(out, 'finish');
  outDone.catch(() => {}); // an error surfaces through outError; do not leave this rejection unhandled
  let outError: unknown = null;
  out.on('error', (e) => { outError = e; });
  const write = async (s: string | Buffer) => {
    if (outError) throw outError;
    if (out.write(s)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (e?: unknown) => { out.off('drain', done); out.off('error', done); if (e) reject(e); else resolve(); };
      out.on('drain', done);
      out.on('error', done);
    });
  };
  const decoder = new StringDecoder('utf8');
  const buf = Buffer.allocUnsafe(Math.max(1, opts.chunkBytes ?? CHUNK_BYTES));
  const line = { n: 0 };
  let text = '', pos = 0, bytes = 0, eof = false, total = 0;
  let raw: Buffer | null = Buffer.alloc(0);
  let header: string[] | null = null;
  let batch: RecordBatch | null = null;
  let names: string[] = [], at = new Map<string, number>();

  const readMore = async () => {
    const { bytesRead } = await input.read(buf, 0, buf.length, null);
    bytes += bytesRead;
    const rest = text.slice(pos);
    const chunk = buf.subarray(0, bytesRead);
    // Keep the bytes beside the text while both are ASCII, so flush can copy lines as bytes.
    const restRaw = raw ? raw.subarray(Math.min(pos, raw.length)) : ASCII_RE.test(rest) ? Buffer.from(rest, 'latin1') : null;
    if (bytesRead === 0) { eof = true; text = rest + decoder.end(); } else text = rest + decoder.write(chunk);
    raw = restRaw && isAscii(chunk) && text.length === restRaw.length + bytesRead ? Buffer.concat([restRaw, chunk]) : null;
    pos = 0;
  };

  const flush = async () => {
    const b = batch!;
    if (!b.n) return;
    const extra = await opts.transform(b.view(names, at));
    if (b.raw) {
      // ASCII text: copy each line's bytes and write the extra cells after it, into one buffer per batch.
      let size = 0;
      for (let r = 0; r < b.n; r++) size += b.recEnd[r] - b.recStart[r] + 3 * extra[r].length + 2;
      const o = Buffer.allocUnsafe(size);
      let off = 0;
      for (let r = 0; r < b.n; r++) {
        o.set(b.raw.subarray(b.recStart[r], b.recEnd[r]), off);
        off += b.recEnd[r] - b.recStart[r];
        o[off++] = COMMA;
        off += o.write(extra[r], off, 'utf8');
        o[off++] = LF;
      }
      await write(o.subarray(0, off));
    } else {
      const parts = new Array<string>(b.n);
      for (let r = 0; r < b.n; r++) parts[r] = `${b.text.slice(b.recStart[r], b.recEnd[r])},${extra[r]}\n`;
      await write(parts.join(''));
    }
    total += b.n;
    b.n = 0;
    opts.onProgress?.(bytes, total);
  };

  try {
    while (!header) {
      if (!eof) await readMore();
      if (pos === 0 && text.charCodeAt(0) === 0xfeff) pos = 1;
      const cuts: number[] = [];
      pos = parseRecords(text, pos, eof, null, line, cuts);
      if (cuts.length) {
        const headerLine = text.slice(cuts[0], cuts[cuts.length - 2]); // from its first cell to its last, as written
        header = [];
        for (let k = 0; k < cuts.length; k += 3) {
          const cell = cuts[k + 2] ? text.slice(cuts[k] + 1, cuts[k + 1] - 1).replace(/""/g, '"') : text.slice(cuts[k], cuts[k + 1]);
          header.push(cell.trim());
        }
        if (header.every((c) => !c)) throw new CsvSyntaxError('no header row', line.n);
        names = header;
        at = new Map(header.map((c, j) => [c, j])); // a repeated name reads its last column, as csv-parse's objects did
        opts.onHeader?.(header);
        batch = new RecordBatch(header.length, batchSize);
        await write(`${headerLine}${opts.extraColumns.map((c) => `,${csvCell(c)}`).join('')}\n`);
      } else if (eof) {
        break;
      }
    }
    if (!header) throw new CliError(`CSV file is empty: ${inPath}`);
    const b = batch!;
    for (;;) {
      b.text = text;
      b.raw = raw;
      pos = parseRecords(text, pos, eof, b, line);
      if (b.n === b.capacity) { await flush(); continue; }
      await flush(); // the chunk's records end here: the next text replaces this one
      if (eof) break;
      await readMore();
    }
    out.end();
    await outDone;
    if (outError) throw outError;
  } catch (e) {
    out.destroy();
    if (e instanceof CliError) throw e;
    if (e instanceof CsvSyntaxError) throw csvError(inPath, e);
    throw e;
  } finally {
    await input.close();
  }
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
