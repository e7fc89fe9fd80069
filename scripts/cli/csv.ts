// CSV input/output for the CLI: whole-file reads into typed columns for training and eval, batched
// streaming for scoring (its own splitter: lines pass through unchanged and cells are read lazily).

import { once } from 'node:events';
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { type Table, TableBuilder, type TableView } from '../../lib/ml/table';
import { CliError } from './args';

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

const CHUNK_BYTES = 4 << 20;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
const ASCII_RE = /^[\x00-\x7f]*$/;
const QUOTE = 34, COMMA = 44, LF = 10, CR = 13, MINUS = 45, DOT = 46, ZERO = 48, NINE = 57;

/** Parse failures carry the 1-based line, like csv-parse's. */
class CsvSyntaxError extends Error {
  constructor(message: string, readonly lines: number) { super(message); }
}

/**
 * One batch of parsed records inside one decoded chunk of the file: for record r, its text is
 * text.slice(recStart[r], recEnd[r]) (line break excluded) and cell j spans fieldStart/fieldEnd[r*nCols + j]
 * (quotes included when quoted[r*nCols + j]). Cells become strings only when a featuriser reads their column.
 */
class RecordBatch {
  n = 0;
  text = '';
  /** text's bytes when it is all ASCII (then string and byte offsets agree), else null. */
  raw: Buffer | null = null;
  readonly recStart: Int32Array;
  readonly recEnd: Int32Array;
  readonly fieldStart: Int32Array;
  readonly fieldEnd: Int32Array;
  readonly quoted: Uint8Array;

  constructor(readonly nCols: number, readonly capacity: number) {
    this.recStart = new Int32Array(capacity);
    this.recEnd = new Int32Array(capacity);
    this.fieldStart = new Int32Array(capacity * nCols);
    this.fieldEnd = new Int32Array(capacity * nCols);
    this.quoted = new Uint8Array(capacity * nCols);
  }

  cell(r: number, j: number): string {
    const k = r * this.nCols + j;
    const a = this.fieldStart[k], b = this.fieldEnd[k];
    if (!this.quoted[k]) return this.text.slice(a, b);
    return this.text.slice(a + 1, b - 1).replace(/""/g, '"');
  }

  /**
   * The column as numbers when every cell is blank or a finite number (what a Table stores as a number column
   * and what toNum would give); null otherwise. Plain decimals of up to 15 digits are read straight from the
   * text: m / 10^k with both exact is the correctly rounded value, the same double Number() returns.
   */
  numbers(j: number): Float64Array | null {
    const { text, nCols, fieldStart, fieldEnd, quoted } = this;
    const out = new Float64Array(this.n);
    for (let r = 0; r < this.n; r++) {
      const k = r * nCols + j;
      const a = fieldStart[k], b = fieldEnd[k];
      let v = NaN;
      if (a === b) { out[r] = NaN; continue; }
      if (!quoted[k]) {
        let p = a;
        const neg = text.charCodeAt(p) === MINUS;
        if (neg) p++;
        let m = 0, digits = 0, frac = -1, ok = p < b;
        for (; p < b; p++) {
          const c = text.charCodeAt(p);
          if (c >= ZERO && c <= NINE) { m = m * 10 + (c - ZERO); digits++; } else if (c === DOT && frac < 0 && digits > 0) frac = digits;
          else { ok = false; break; }
        }
        if (ok && digits <= 15 && frac !== digits) {
          v = frac < 0 ? m : m / POW10[digits - frac];
          out[r] = neg ? -v : v;
          continue;
        }
      }
      const s = this.cell(r, j).trim();
      if (s === '') { out[r] = NaN; continue; }
      v = Number(s);
      if (!Number.isFinite(v)) return null;
      out[r] = v;
    }
    return out;
  }

  view(names: string[], at: Map<string, number>): TableView {
    const strings = new Map<number, string[]>();
    const nums = new Map<number, Float64Array | null>();
    return {
      nRows: this.n,
      names,
      reader: (name) => {
        const j = at.get(name);
        if (j === undefined) return null;
        // Featurisers ask for readers they may never call (presence checks): make the strings on the first read.
        let col = strings.get(j);
        return (i) => {
          if (!col) {
            col = new Array<string>(this.n);
            for (let r = 0; r < this.n; r++) col[r] = this.cell(r, j);
            strings.set(j, col);
          }
          return col[i];
        };
      },
      numbers: (name) => {
        const j = at.get(name);
        if (j === undefined) return null;
        if (!nums.has(j)) nums.set(j, this.numbers(j));
        return nums.get(j)!;
      },
    };
  }
}

/**
 * Splits text[pos..) into records until the batch is full or the text ends; returns the position after the last
 * whole record. Without `final`, a record the text cuts off (no line break yet, or an open quote) is left for the
 * next chunk. Empty lines are skipped. nCols < 0: header mode, one record of any width, returned through `fields`.
 */
function parseRecords(text: string, pos: number, final: boolean, batch: RecordBatch | null, line: { n: number },
  fields?: number[]): number {
  const nCols = batch ? batch.nCols : -1;
  const len = text.length;
  let nextQuote = text.indexOf('"', pos);
  while (pos < len && (!batch || batch.n < batch.capacity)) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) { if (!final) break; lineEnd = len; }
    if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    const start = pos;
    const cuts: number[] | null = batch ? null : (fields ?? []);
    const r = batch ? batch.n : 0;
    let j = 0, end: number;
    const put = (a: number, b: number, q: boolean) => {
      if (cuts) { cuts.push(a, b, q ? 1 : 0); return; }
      if (j >= nCols) throw new CsvSyntaxError(`Invalid Record Length: expected ${nCols} columns, got more`, line.n + 1);
      const k = r * nCols + j;
      batch!.fieldStart[k] = a; batch!.fieldEnd[k] = b; batch!.quoted[k] = q ? 1 : 0;
    };
    if (nextQuote < 0 || nextQuote >= lineEnd) {
      // No quote in this line: cells are the comma-separated pieces.
      end = lineEnd > start && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      if (end === start) { pos = lineEnd + 1; line.n++; continue; }
      let a = start;
      for (let c = text.indexOf(',', a); c >= 0 && c < end; c = text.indexOf(',', a)) { put(a, c, false); j++; a = c + 1; }
      put(a, end, false); j++;
      pos = lineEnd + 1;
      line.n++;
    } else {
      // Character by character: quoted cells may hold commas, doubled quotes and line breaks.
      let p = start, a = start, lines = 1, complete = false;
      for (;;) {
        if (p < len && text.charCodeAt(p) === QUOTE && p === a) {
          let q = p + 1;
          for (;;) {
            q = text.indexOf('"', q);
            if (q < 0 || (q + 1 >= len && !final)) break;
            if (text.charCodeAt(q + 1) === QUOTE) { q += 2; continue; }
            break;
          }
          if (q < 0 || (q + 1 >= len && !final)) {
            if (final && q < 0) throw new CsvSyntaxError('Quote Not Closed: the quoted field never ends', line.n + 1);
            break; // wait for more text
          }
          for (let t = p; t < q; t++) if (text.charCodeAt(t) === LF) lines++;
          p = q + 1;
          const c = p < len ? text.charCodeAt(p) : -1;
          if (c !== COMMA && c !== LF && c !== CR && c !== -1) throw new CsvSyntaxError('Invalid Closing Quote: a quote inside a quoted field must be doubled', line.n + lines);
          if (c === CR && p + 1 >= len && !final) break; // is a \n next? wait for more text
          if (c === CR && (p + 1 >= len || text.charCodeAt(p + 1) !== LF)) throw new CsvSyntaxError('Invalid Closing Quote', line.n + lines);
          put(a, p, true); j++;
          if (c === COMMA) { p++; a = p; continue; }
          end = p;
          pos = c === -1 ? p : c === CR ? p + 2 : p + 1;
          complete = c !== -1 || final;
          break;
        }
        // Unquoted cell: up to the next comma or line break (a quote inside it is a literal character).
        let c = p;
        while (c < len) { const ch = text.charCodeAt(c); if (ch === COMMA || ch === LF) break; c++; }
        if (c >= len && !final) break;
        const cellEnd = c > a && text.charCodeAt(c - 1) === CR && (c >= len || text.charCodeAt(c) === LF) ? c - 1 : c;
        put(a, cellEnd, false); j++;
        if (c < len && text.charCodeAt(c) === COMMA) { p = c + 1; a = p; continue; }
        end = cellEnd;
        pos = c + 1;
        complete = true;
        break;
      }
      if (!complete) { if (cuts) cuts.length = 0; break; }
      line.n += lines;
      nextQuote = text.indexOf('"', pos);
      end = end!;
    }
    if (!batch) return pos;
    if (j !== nCols) throw new CsvSyntaxError(`Invalid Record Length: expected ${nCols} columns, got ${j}`, line.n);
    batch.recStart[r] = start; batch.recEnd[r] = end!;
    batch.n++;
  }
  return pos;
}

/**
 * Streams a CSV through `transform` in batches and writes every input line unchanged (line break normalised to
 * \n) plus the extra cells, with backpressure, so memory stays flat. The file is read in 4 MB chunks and
 * split here (RFC 4180 quoting); no object is made per row and cells are only turned into strings or numbers
 * for the columns the transform reads.
 */
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
