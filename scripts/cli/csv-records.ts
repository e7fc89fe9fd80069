// The scorer's own CSV splitter: RFC 4180 records cut from decoded text chunks, cells read lazily per column.
import type { TableView } from '../../lib/ml/table';

export const CHUNK_BYTES = 4 << 20;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
export const ASCII_RE = /^[\x00-\x7f]*$/;
export const LF = 10;
export const COMMA = 44;
const QUOTE = 34, CR = 13, MINUS = 45, DOT = 46, ZERO = 48, NINE = 57;

/** Parse failures carry the 1-based line, like csv-parse's. */
export class CsvSyntaxError extends Error {
  constructor(message: string, readonly lines: number) { super(message); }
}

/**
 * One batch of parsed records inside one decoded chunk of the file: for record r, its text is
 * text.slice(recStart[r], recEnd[r]) (line break excluded) and cell j spans fieldStart/fieldEnd[r*nCols + j]
 * (quotes included when quoted[r*nCols + j]). Cells become strings only when a featuriser reads their column.
 */
export class RecordBatch {
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
export function parseRecords(text: string, pos: number, final: boolean, batch: RecordBatch | null, line: { n: number },
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
