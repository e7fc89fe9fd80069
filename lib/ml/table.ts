// Column-oriented input data: numbers in Float64Arrays, text dictionary-encoded, so a million-row CSV
// costs a few bytes per cell instead of one object per row. Featurisers read a Table or plain rows
// through the same TableView.

import type { Row } from './features/values';

export type TableColumn =
  /** Every present cell parsed as a finite number; NaN marks a blank. */
  | { type: 'number'; values: Float64Array }
  /** dict[codes[i]] is the trimmed cell; dict[0] is ''. */
  | { type: 'text'; codes: Uint32Array; dict: string[] };

export interface Table { kind: 'table'; nRows: number; names: string[]; columns: TableColumn[] }

/** Reads one column cell by row index: a number, or a string ('' when blank). */
export type CellReader = (i: number) => unknown;

export interface TableView {
  nRows: number;
  names: string[];
  /** null when the column is absent. */
  reader(name: string): CellReader | null;
  /** The column's numbers when it is stored as one (no copy; never mutate), else null. */
  numbers(name: string): Float64Array | null;
}

/** Rows as objects, or a column Table (large files), or a view over either. */
export type RowData = Row[] | Table | TableView;

export const isTable = (x: unknown): x is Table => (x as Table | null)?.kind === 'table';

const readerOf = (col: TableColumn): CellReader => {
  if (col.type === 'text') { const { codes, dict } = col; return (i) => dict[codes[i]]; }
  const v = col.values;
  return (i) => (v[i] === v[i] ? v[i] : '');
};

export function tableView(t: Table): TableView {
  const at = new Map(t.names.map((n, j) => [n, j]));
  return {
    nRows: t.nRows,
    names: t.names,
    reader: (name) => { const j = at.get(name); return j === undefined ? null : readerOf(t.columns[j]); },
    numbers: (name) => { const j = at.get(name); const c = j === undefined ? null : t.columns[j]; return c?.type === 'number' ? c.values : null; },
  };
}

/** Column names of plain rows: the union of keys in the first 1,000. */
export function rowColumnNames(rows: readonly Row[]): string[] {
  const names = new Set<string>();
  const n = Math.min(rows.length, 1000);
  for (let i = 0; i < n; i++) for (const k of Object.keys(rows[i])) names.add(k);
  return [...names];
}

export function rowsView(rows: readonly Row[]): TableView {
  const names = rowColumnNames(rows);
  const present = new Set(names);
  return {
    nRows: rows.length,
    names,
    reader: (name) => (present.has(name) ? (i) => rows[i][name] : null),
    numbers: () => null,
  };
}

export const viewOf = (data: readonly Row[] | Table | TableView): TableView =>
  (isTable(data) ? tableView(data) : Array.isArray(data) ? rowsView(data) : (data as TableView));

/** The rows idx of a view (idx is kept, not copied). */
export function selectRows(view: TableView, idx: ArrayLike<number>): TableView {
  return {
    nRows: idx.length,
    names: view.names,
    reader: (name) => { const r = view.reader(name); return r && ((i) => r(idx[i])); },
    numbers: (name) => {
      const v = view.numbers(name);
      if (!v) return null;
      const out = new Float64Array(idx.length);
      for (let i = 0; i < idx.length; i++) out[i] = v[idx[i]];
      return out;
    },
  };
}

/** One column while a table is being filled: numeric until a cell is not a number, then text. */
class ColumnBuilder {
  private values: Float64Array | null;
  private codes: Uint32Array | null = null;
  private dict: string[] = [''];
  private index: Map<string, number> | null = null;

  constructor(capacity: number) { this.values = new Float64Array(capacity); }

  add(i: number, raw: string | undefined): void {
    const s = raw === undefined ? '' : raw.trim();
    if (this.values) {
      if (s === '') { this.values = fit(this.values, i); this.values[i] = NaN; return; }
      const x = Number(s);
      if (Number.isFinite(x)) { this.values = fit(this.values, i); this.values[i] = x; return; }
      this.toText(i);
    }
    this.codes = fit(this.codes!, i);
    this.codes[i] = this.code(s);
  }

  private code(s: string): number {
    let c = this.index!.get(s);
    if (c === undefined) { c = this.dict.length; this.dict.push(s); this.index!.set(s, c); }
    return c;
  }

  /** Earlier cells were numbers: they become their shortest decimal text ('1.50' reads back as '1.5'). */
  private toText(filled: number): void {
    const values = this.values!;
    this.values = null;
    this.index = new Map([['', 0]]);
    this.codes = new Uint32Array(values.length);
    for (let i = 0; i < filled; i++) this.codes[i] = values[i] === values[i] ? this.code(String(values[i])) : 0;
  }

  finish(n: number): TableColumn {
    if (this.values) return { type: 'number', values: this.values.slice(0, n) };
    this.index = null;
    return { type: 'text', codes: this.codes!.slice(0, n), dict: this.dict };
  }
}

/** Room for index i, doubling the buffer when full. */
function fit<A extends Float64Array | Uint32Array>(a: A, i: number): A {
  if (i < a.length) return a;
  const grown = new (a.constructor as new (n: number) => A)(Math.max(1024, a.length * 2));
  grown.set(a);
  return grown;
}

/** Fills a Table one parsed CSV record (cells in header order) at a time. */
export class TableBuilder {
  private readonly cols: ColumnBuilder[];
  private n = 0;

  constructor(readonly names: string[], capacity = 4096) {
    this.cols = names.map(() => new ColumnBuilder(capacity));
  }

  get nRows(): number { return this.n; }

  add(record: readonly (string | undefined)[]): void {
    const i = this.n++;
    for (let j = 0; j < this.cols.length; j++) this.cols[j].add(i, record[j]);
  }

  finish(): Table {
    return { kind: 'table', nRows: this.n, names: this.names.slice(), columns: this.cols.map((c) => c.finish(this.n)) };
  }
}

/** Plain rows as a Table (values written as strings, as a CSV would hold them). */
export function tableFromRows(rows: readonly Row[], names = rowColumnNames(rows)): Table {
  const b = new TableBuilder(names, Math.max(1, rows.length));
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  for (const r of rows) b.add(names.map((n) => cell(r[n])));
  return b.finish();
}
