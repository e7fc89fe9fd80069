// Tabular featuriser for any labelled CSV: column types inferred once, stored as an editable JSON spec.

import type { FeatureMatrix } from '../types';
import { type EmailSpec, emailFeatures, fitEmailFeaturizer } from './email';
import { type CellReader, rowColumnNames, type RowData, type TableView, viewOf } from '../table';
import { type HistoryContext, type HistorySpec, fitHistory, historyContext, historyFeatureNames, historyFeatures, type KeysOf } from './history';
import { parseLabel, type Row, toEpochSeconds, toEventSeconds, toNum, toStr } from './values';

export { parseLabel };

export type TabularColumn =
  | { name: string; type: 'numeric' }
  /** vocab's last entry is 'other' (values outside the top-k seen at fit time). */
  | { name: string; type: 'categorical'; vocab: string[] }
  | { name: string; type: 'datetime' }
  /** history: the address's and the domain's earlier occurrences and fraud rate (history.ts). */
  | { name: string; type: 'email'; email: EmailSpec; history?: HistorySpec }
  /**
   * Octets, /16 and /24 network codes, and with a time column the history (earlier occurrences and fraud
   * rate) of the address and its /24, /16 and /8. Specs from before the history carry octet1Freq (share of
   * training rows per first octet) and keep their old features.
   */
  | { name: string; type: 'ip'; octet1Freq?: number[]; history?: HistorySpec };

export interface TabularSpec {
  version: 1;
  label: string;
  columns: TabularColumn[];
  /** Columns left out, with why, so a user can see and override the inference. */
  dropped: { name: string; reason: string }[];
}

export interface TabularOptions {
  exclude?: string[];
  maxCategories?: number;
  /**
   * n-gram buckets for email-looking columns; 0 by default: beside other columns the many sparse
   * n-gram features mostly add noise (AWS registration AUC 0.86 with 64 buckets, 0.94 without).
   */
  emailBuckets?: number;
  /**
   * Time column that orders the rows for the history features of IP and email columns; default the first
   * column named like a time (as the trainer picks its time split) that reads as times. null: none.
   */
  timeColumn?: string | null;
}

const SAMPLE = 20000;
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const IP_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/;
/** Features of a pre-history IP spec (with octet1Freq). */
const IP_FEATURES_V1 = ['octet1', 'octet2', 'octet3', 'octet4', 'prefix16', 'octet1_share'] as const;
const IP_FEATURES = ['octet1', 'octet2', 'octet3', 'octet4', 'prefix16', 'prefix24'] as const;
/** History key kinds of an IP column, and of an email column. */
const IP_KINDS = ['ip', 'ip24', 'ip16', 'ip8'] as const;
const EMAIL_KINDS = ['address', 'domain'] as const;
/** As the trainer's own test for a time column (lib/ml/model.ts). */
const TIME_NAME_RE = /(^|_)(timestamp|event_time|created_at|datetime|date|time)$/i;
const ID_NAME_RE = /^(|id|index|row|uuid|unnamed.*|.*_(id|row|index|uuid|num))$/i;

function share(values: string[], pred: (v: string) => boolean): number {
  if (!values.length) return 0;
  let k = 0;
  for (const v of values) if (pred(v)) k++;
  return k / values.length;
}

export function columnNames(rows: Row[]): string[] {
  return rowColumnNames(rows);
}

/** Every row index when small, else an even stride of about SAMPLE rows. */
function sampleIndices(n: number): Uint32Array {
  const step = n > SAMPLE ? Math.ceil(n / SAMPLE) : 1;
  const idx = new Uint32Array(Math.ceil(n / step));
  for (let k = 0; k < idx.length; k++) idx[k] = k * step;
  return idx;
}

/** The trimmed text of every row of a column (email columns need all of them). */
function texts(read: CellReader, n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = toStr(read(i));
  return out;
}

export function inferTabularSpec(data: RowData, labelColumn: string, opts: TabularOptions = {}): TabularSpec {
  const view = viewOf(data);
  const n = view.nRows;
  const maxCat = opts.maxCategories ?? 50;
  const exclude = new Set([labelColumn, ...(opts.exclude ?? [])]);
  const columns: TabularColumn[] = [];
  const dropped: TabularSpec['dropped'] = [];
  const sample = sampleIndices(n);
  const ctx = tabularHistoryContext(view, labelColumn, opts.timeColumn === undefined ? findTimeColumn(view, exclude, sample) : opts.timeColumn);

  for (const name of view.names) {
    if (exclude.has(name)) { if (name !== labelColumn) dropped.push({ name, reason: 'excluded' }); continue; }
    const read = view.reader(name)!;
    const values: string[] = [];
    for (const i of sample) { const v = toStr(read(i)); if (v !== '') values.push(v); }
    if (!values.length) { dropped.push({ name, reason: 'empty' }); continue; }
    const distinct = new Set(values).size;
    if (distinct === 1) { dropped.push({ name, reason: 'constant' }); continue; }
    if (share(values, (v) => EMAIL_RE.test(v)) >= 0.95) {
      columns.push(emailColumn(name, read, n, opts.emailBuckets, ctx));
      continue;
    }
    if (share(values, (v) => IP_RE.test(v)) >= 0.95) {
      columns.push(ipColumn(name, read, n, ctx));
      continue;
    }
    if (share(values, (v) => Number.isFinite(Number(v))) >= 0.95) {
      const integersUnique = distinct === values.length && values.every((v) => Number.isInteger(Number(v)));
      if (integersUnique && ID_NAME_RE.test(name)) { dropped.push({ name, reason: 'id-like (unique integers)' }); continue; }
      columns.push({ name, type: 'numeric' });
      continue;
    }
    if (share(values, (v) => DATE_RE.test(v) && Number.isFinite(toEpochSeconds(v))) >= 0.95) {
      columns.push({ name, type: 'datetime' });
      continue;
    }
    if (distinct >= 0.9 * values.length && values.length >= 20) { dropped.push({ name, reason: 'id-like (nearly unique)' }); continue; }
    columns.push(categoricalColumn(name, read, n, maxCat));
  }
  return { version: 1, label: labelColumn, columns, dropped };
}

// Column fitters, shared with the event featuriser (which takes types from a definition instead of inferring them).

/** The first column named like a time whose sampled values read as times (≥ 95%). */
function findTimeColumn(view: TableView, exclude: Set<string>, sample: Uint32Array): string | null {
  for (const name of view.names) {
    if (exclude.has(name) || !TIME_NAME_RE.test(name)) continue;
    const read = view.reader(name)!;
    let ok = 0;
    for (const i of sample) if (Number.isFinite(toEventSeconds(read(i)))) ok++;
    if (sample.length && ok >= 0.95 * sample.length) return name;
  }
  return null;
}

/** Times and labels of the rows, when there is a time column and a label column. */
export function tabularHistoryContext(view: TableView, labelColumn: string, timeColumn: string | null): HistoryContext | null {
  const time = timeColumn ? view.reader(timeColumn) : null;
  const label = labelColumn ? view.reader(labelColumn) : null;
  return time && label ? historyContext(timeColumn!, labelColumn, time, label, view.nRows) : null;
}

/** An address and its domain, lower-cased. */
export const emailKeys: KeysOf = (cell) => {
  const s = cell.toLowerCase();
  const at = s.lastIndexOf('@');
  return at > 0 && at < s.length - 1 ? [s, s.slice(at + 1)] : [s, ''];
};

/** An IPv4 address and its /24, /16 and /8 networks; nothing for other text. */
export const ipKeys: KeysOf = (cell) => {
  const m = IP_RE.exec(cell);
  if (!m || [m[1], m[2], m[3], m[4]].some((o) => +o > 255)) return ['', '', '', ''];
  const o = [+m[1], +m[2], +m[3], +m[4]];
  return [o.join('.'), `${o[0]}.${o[1]}.${o[2]}`, `${o[0]}.${o[1]}`, `${o[0]}`];
};

export function emailColumn(name: string, read: CellReader, n: number, buckets = 0, ctx: HistoryContext | null = null): TabularColumn {
  const history = ctx ? fitHistory(EMAIL_KINDS.length, emailKeys, read, ctx) : null;
  return { name, type: 'email', email: fitEmailFeaturizer(texts(read, n), { buckets }), ...(history ? { history } : {}) };
}

export function ipColumn(name: string, read: CellReader, n: number, ctx: HistoryContext | null = null): TabularColumn {
  const history = ctx ? fitHistory(IP_KINDS.length, ipKeys, read, ctx) : null;
  return { name, type: 'ip', ...(history ? { history } : {}) };
}

function ipFeatureNames(c: Extract<TabularColumn, { type: 'ip' }>): string[] {
  if (c.octet1Freq) return [...IP_FEATURES_V1];
  return [...IP_FEATURES, ...(c.history ? historyFeatureNames(IP_KINDS) : [])];
}

/** The maxCat most frequent values, then 'other'. */
export function categoricalColumn(name: string, read: CellReader, n: number, maxCat = 50): TabularColumn {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) { const v = toStr(read(i)); if (v) counts.set(v, (counts.get(v) ?? 0) + 1); }
  const vocab = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxCat).map(([v]) => v);
  return { name, type: 'categorical', vocab: [...vocab, 'other'] };
}

/** Feature names, in matrix order. */
export function tabularFeatureNames(spec: TabularSpec): string[] {
  const names: string[] = [];
  for (const c of spec.columns) {
    if (c.type === 'datetime') names.push(`${c.name}.hour`, `${c.name}.weekday`);
    else if (c.type === 'ip') for (const f of ipFeatureNames(c)) names.push(`${c.name}.${f}`);
    else if (c.type === 'email') {
      for (const nm of emailNames(c.email, c.name)) names.push(nm);
      if (c.history) for (const f of historyFeatureNames(EMAIL_KINDS)) names.push(`${c.name}.${f}`);
    }
    else names.push(c.name);
  }
  return names;
}

function emailNames(spec: EmailSpec, col: string): string[] {
  return emailFeatures(spec, []).names.map((n) => `${col}.${n}`);
}

export interface TabularFeaturizeOptions {
  /** History features against the fitted tables for every row, whatever its time (live scoring of events). */
  frozenHistory?: boolean;
}

export function tabularFeatures(spec: TabularSpec, data: RowData, opts: TabularFeaturizeOptions = {}): FeatureMatrix {
  const view = viewOf(data);
  const n = view.nRows;
  const columns: Float64Array[] = [], names: string[] = [], categorical: boolean[] = [];
  const push = (name: string, col: Float64Array, cat = false) => { names.push(name); columns.push(col); categorical.push(cat); };
  const missing = spec.columns.filter((c) => n && !view.reader(c.name)).map((c) => c.name);
  if (missing.length) throw new Error(`missing column(s): ${missing.join(', ')}`);
  // Times and labels of this batch, read once per (time, label) column pair.
  const contexts = new Map<string, HistoryContext>();
  const batchContext = (h: HistorySpec): HistoryContext => {
    const id = `${h.timeColumn}\u0000${h.labelColumn}`;
    let ctx = contexts.get(id);
    if (!ctx) {
      // No time column in the batch: every row is new (after training), seen against the fitted tables.
      const time = view.reader(h.timeColumn) ?? (() => Infinity);
      ctx = historyContext(h.timeColumn, h.labelColumn, time, view.reader(h.labelColumn), n);
      contexts.set(id, ctx);
    }
    return ctx;
  };
  const column = (read: CellReader, f: (v: unknown) => number) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = f(read(i));
    return out;
  };

  for (const c of spec.columns) {
    const read = view.reader(c.name) ?? (() => '');
    if (c.type === 'numeric') {
      // A numeric table column already holds toNum's values: share it instead of copying.
      push(c.name, view.numbers(c.name) ?? column(read, toNum));
    } else if (c.type === 'categorical') {
      const idx = new Map(c.vocab.slice(0, -1).map((v, i) => [v, i]));
      const other = c.vocab.length - 1;
      push(c.name, column(read, (v) => { const s = toStr(v); return s ? (idx.get(s) ?? other) : NaN; }), true);
    } else if (c.type === 'datetime') {
      // Event times may be epoch seconds or milliseconds (event types); ISO text reads the same either way.
      const t = column(read, toEventSeconds);
      push(`${c.name}.hour`, t.map((s) => (Number.isFinite(s) ? new Date(s * 1000).getUTCHours() : NaN)));
      push(`${c.name}.weekday`, t.map((s) => (Number.isFinite(s) ? new Date(s * 1000).getUTCDay() : NaN)));
    } else if (c.type === 'ip') {
      // Raw octets and network codes (trees find the networks), then the history of the address and its networks.
      const names = ipFeatureNames(c);
      const cols: Float64Array[] = names.map(() => new Float64Array(n).fill(NaN));
      for (let i = 0; i < n; i++) {
        const m = IP_RE.exec(toStr(read(i)));
        if (!m) continue;
        const o = [+m[1], +m[2], +m[3], +m[4]];
        cols[0][i] = o[0]; cols[1][i] = o[1]; cols[2][i] = o[2]; cols[3][i] = o[3];
        cols[4][i] = o[0] * 256 + o[1];
        cols[5][i] = c.octet1Freq ? c.octet1Freq[o[0]] ?? 0 : (o[0] * 256 + o[1]) * 256 + o[2];
      }
      if (c.history) historyFeatures(c.history, ipKeys, read, batchContext(c.history), opts.frozenHistory).forEach((col, k) => { cols[IP_FEATURES.length + k] = col; });
      names.forEach((f, k) => push(`${c.name}.${f}`, cols[k]));
    } else {
      const X = emailFeatures(c.email, texts(read, n));
      X.names.forEach((nm, j) => push(`${c.name}.${nm}`, X.columns[j], X.categorical[j]));
      if (c.history) {
        const H = historyFeatures(c.history, emailKeys, read, batchContext(c.history), opts.frozenHistory);
        historyFeatureNames(EMAIL_KINDS).forEach((nm, k) => push(`${c.name}.${nm}`, H[k]));
      }
    }
  }
  return { nRows: n, columns, names, categorical };
}
