// Leak-free history of keys (an IP and its /24 /16 /8 networks, an address and its domain): how often the key
// was seen before, and how often it was fraud, from STRICTLY EARLIER rows only.
//
// Rows are taken in time order. A row at or before `fitEnd` (the latest training time: the training rows
// themselves, a backtest over that period) sees the rows of the same batch with a strictly earlier time,
// labels included where the batch has them. A row after `fitEnd` (validation, scoring, live events) sees the
// fitted training tables, frozen as they were at training: labels arrive late in production, so none after
// training are used, and a new row's features do not depend on the other rows of its batch (a CSV scored in
// batches, or one live event, gets the same values). Velocity after training is the event aggregates' job.
// A row's features therefore never depend on the row itself, on rows at its own time or on later rows.
//
// Without a time column there is no "earlier": the history features are not built (the spec has none).

import type { CellReader } from '../table';
import { parseLabel, toEventSeconds, toStr } from './values';

/** Counts per key over the training rows; the MAX_KEYS most frequent keys are kept, the latest seen first among equals. */
export interface KeyCounts {
  keys: string[];
  /** Rows with the key. */
  n: number[];
  /** Of those, rows with a label, and with a positive one. */
  labelled: number[];
  positive: number[];
}

export interface HistorySpec {
  version: 1;
  timeColumn: string;
  /** Read where present: labels of earlier rows of the same batch (training, backtests). */
  labelColumn: string;
  /** Latest training time, epoch seconds: later rows use the frozen tables. */
  fitEnd: number;
  /** Training fraud rate, the rate a key with no labelled history gets. */
  prior: number;
  /** Pseudo-rows of the prior in a key's rate: (positive + m·prior) / (labelled + m). */
  smoothing: number;
  /** One table per key kind, in the order the caller's key function returns them. */
  tables: KeyCounts[];
}

/** Where a featuriser finds time and labels, decided once for all its columns. */
export interface HistoryContext {
  timeColumn: string;
  labelColumn: string;
  times: Float64Array;
  /** 0, 1, or -1 where unknown. */
  labels: Int8Array;
}

/** The keys of one cell, one per kind ('' where the cell has none, e.g. not an IP). */
export type KeysOf = (cell: string) => string[];

export const MAX_KEYS = 50000;
export const SMOOTHING = 10;

/** Time and label columns of a batch as arrays (missing label column: every label unknown). */
export function historyContext(timeColumn: string, labelColumn: string, time: CellReader, label: CellReader | null, n: number): HistoryContext {
  const times = new Float64Array(n), labels = new Int8Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    times[i] = toEventSeconds(time(i));
    if (label) { const l = parseLabel(label(i)); labels[i] = l === null ? -1 : l; }
  }
  return { timeColumn, labelColumn, times, labels };
}

/** Row indices by time (missing times first, as the time split puts them), ties in row order. */
function timeOrder(times: Float64Array): Uint32Array {
  const n = times.length;
  const key = Float64Array.from(times, (t) => (Number.isNaN(t) ? -Infinity : t));
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => (key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : a - b));
}

type Acc = Map<string, [number, number, number]>; // key → [n, labelled, positive]

function fold(acc: Acc, key: string, label: number): void {
  let s = acc.get(key);
  if (!s) { s = [0, 0, 0]; acc.set(key, s); }
  s[0]++;
  if (label >= 0) { s[1]++; s[2] += label; }
}

/**
 * Fit: the counts of every key over the training rows. Null when no row has a time (nothing is
 * "earlier" then) or no row is labelled.
 */
export function fitHistory(kinds: number, keysOf: KeysOf, cell: CellReader, ctx: HistoryContext): HistorySpec | null {
  const n = ctx.times.length;
  let fitEnd = -Infinity, labelled = 0, positive = 0;
  for (let i = 0; i < n; i++) {
    if (ctx.times[i] > fitEnd) fitEnd = ctx.times[i];
    if (ctx.labels[i] >= 0) { labelled++; positive += ctx.labels[i]; }
  }
  if (!Number.isFinite(fitEnd) || !labelled) return null;
  const accs: Acc[] = Array.from({ length: kinds }, () => new Map());
  const last: Map<string, number>[] = Array.from({ length: kinds }, () => new Map());
  for (let i = 0; i < n; i++) {
    const keys = keysOf(toStr(cell(i)));
    const t = Number.isNaN(ctx.times[i]) ? -Infinity : ctx.times[i];
    for (let k = 0; k < kinds; k++) {
      if (!keys[k]) continue;
      fold(accs[k], keys[k], ctx.labels[i]);
      if (!(t <= (last[k].get(keys[k]) ?? -Infinity))) last[k].set(keys[k], t);
    }
  }
  const tables = accs.map((acc, k) => {
    const recency = (key: string) => last[k].get(key) ?? -Infinity;
    const top = [...acc].sort((a, b) => b[1][0] - a[1][0] || recency(b[0]) - recency(a[0]) || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_KEYS);
    return { keys: top.map((e) => e[0]), n: top.map((e) => e[1][0]), labelled: top.map((e) => e[1][1]), positive: top.map((e) => e[1][2]) };
  });
  return { version: 1, timeColumn: ctx.timeColumn, labelColumn: ctx.labelColumn, fitEnd, prior: positive / labelled, smoothing: SMOOTHING, tables };
}

/** Two features per key kind, in kind order: `<kind>_seen` (earlier rows with the key) and `<kind>_fraud_rate`. */
export function historyFeatureNames(kindNames: readonly string[]): string[] {
  return kindNames.flatMap((k) => [`${k}_seen`, `${k}_fraud_rate`]);
}

/**
 * One column per historyFeatureNames entry; NaN where the cell has no key of that kind. `frozen`: every row
 * against the fitted tables, whatever its time (live scoring: a late or back-dated event has no batch of
 * earlier rows to be counted against).
 */
export function historyFeatures(spec: HistorySpec, keysOf: KeysOf, cell: CellReader, ctx: HistoryContext, frozen = false): Float64Array[] {
  const n = ctx.times.length, kinds = spec.tables.length, m = spec.smoothing, prior = spec.prior;
  const out = Array.from({ length: 2 * kinds }, () => new Float64Array(n).fill(NaN));
  const fitted = spec.tables.map((t) => new Map(t.keys.map((key, j) => [key, j])));
  const online: Acc[] = Array.from({ length: kinds }, () => new Map());
  // Keys are derived again when a row is folded in, rather than held for every row (1M rows × 4 strings).
  const order = timeOrder(ctx.times);
  const isNew = (t: number) => frozen || t > spec.fitEnd; // NaN → false: a row without time has no frozen "after"
  const rate = (labelled: number, positive: number) => (positive + m * prior) / (labelled + m);
  for (let g = 0; g < n;) {
    // A group of rows with the same time: features first (none sees another), then folded in.
    const t = ctx.times[order[g]];
    let end = g + 1;
    while (end < n && (ctx.times[order[end]] === t || (Number.isNaN(t) && Number.isNaN(ctx.times[order[end]])))) end++;
    for (let q = g; q < end; q++) {
      const i = order[q];
      const keys = keysOf(toStr(cell(i)));
      for (let k = 0; k < kinds; k++) {
        const key = keys[k];
        if (!key) continue;
        if (isNew(t)) {
          const j = fitted[k].get(key), tab = spec.tables[k];
          out[2 * k][i] = j === undefined ? 0 : tab.n[j];
          out[2 * k + 1][i] = j === undefined ? prior : rate(tab.labelled[j], tab.positive[j]);
        } else {
          const s = online[k].get(key);
          out[2 * k][i] = s ? s[0] : 0;
          out[2 * k + 1][i] = s ? rate(s[1], s[2]) : prior;
        }
      }
    }
    if (!isNew(t)) {
      for (let q = g; q < end; q++) {
        const i = order[q];
        const keys = keysOf(toStr(cell(i)));
        for (let k = 0; k < kinds; k++) if (keys[k]) fold(online[k], keys[k], ctx.labels[i]);
      }
    }
    g = end;
  }
  return out;
}
