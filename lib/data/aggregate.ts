// Event rows → one row per entity (e.g. fake_users: UserId, Event, Category, Fake → one row per user).
// Pure, and streaming-friendly: add() rows one by one, finish() once. The seed-004 POST /predict route
// reuses it with the vocabulary fixed at training time, so both sides produce the same columns.
import { parseLabel } from '@/lib/ml/features/tabular';
import { isMissing, toNumber } from './column-stats';

export interface AggregateOptions {
  /** The entity column: one output row per distinct value. */
  by: string;
  /** Event-level label column; the entity's label is the max over its events (one fraud event → fraud). */
  label?: string;
  /** Per categorical column, how many of its most frequent values get their own count column. */
  topK?: number;
  /** Column → the values that get count columns. Pass a training vocabulary to reproduce its columns. */
  vocab?: Record<string, string[]>;
}

export interface AggregateResult {
  columns: string[];
  rows: Record<string, string | number>[];
  /** The per-column values that got count columns (store it with a model to aggregate new data alike). */
  vocab: Record<string, string[]>;
}

interface Entity { events: number; label: number | null; values: Map<string, Map<string, number>>; sums: Map<string, number> }

export const countColumn = (column: string, value: string) => `${column}=${value}`;

export class EventAggregator {
  private readonly entities = new Map<string, Entity>();
  private readonly totals = new Map<string, Map<string, number>>();
  private readonly numeric = new Map<string, boolean>();
  private columnsSeen: string[] = [];

  constructor(private readonly opts: AggregateOptions) {}

  add(row: Readonly<Record<string, string | number | null | undefined>>) {
    const key = String(row[this.opts.by] ?? '').trim();
    if (key === '') return;
    if (!this.columnsSeen.length) this.columnsSeen = Object.keys(row).filter((c) => c !== this.opts.by && c !== this.opts.label);
    let e = this.entities.get(key);
    if (!e) this.entities.set(key, (e = { events: 0, label: null, values: new Map(), sums: new Map() }));
    e.events++;
    if (this.opts.label) {
      const y = parseLabel(row[this.opts.label]);
      if (y !== null) e.label = Math.max(e.label ?? 0, y);
    }
    for (const c of this.columnsSeen) {
      const raw = row[c];
      const v = raw == null ? '' : String(raw);
      if (isMissing(v)) continue;
      const x = toNumber(v);
      if (x === null) this.numeric.set(c, false);
      else if (!this.numeric.has(c)) this.numeric.set(c, true);
      if (x !== null) e.sums.set(c, (e.sums.get(c) ?? 0) + x);
      bump(e.values, c, v);
      bump(this.totals, c, v);
    }
  }

  finish(): AggregateResult {
    const { by, label } = this.opts;
    const categorical = this.columnsSeen.filter((c) => this.numeric.get(c) === false || this.opts.vocab?.[c]);
    const numeric = this.columnsSeen.filter((c) => this.numeric.get(c) === true && !this.opts.vocab?.[c]);
    const vocab: Record<string, string[]> = {};
    for (const c of categorical) vocab[c] = this.opts.vocab?.[c] ?? topValues(this.totals.get(c), this.opts.topK ?? 30);
    const columns = [
      by, 'event_count',
      ...categorical.map((c) => `distinct_${c}`),
      ...numeric.flatMap((c) => [`${c}_mean`, `${c}_sum`]),
      ...categorical.flatMap((c) => vocab[c].map((v) => countColumn(c, v))),
      ...(label ? [label] : []),
    ];
    const rows = [...this.entities.entries()].map(([key, e]) => {
      const row: Record<string, string | number> = { [by]: key, event_count: e.events };
      for (const c of categorical) row[`distinct_${c}`] = e.values.get(c)?.size ?? 0;
      for (const c of numeric) {
        const n = [...(e.values.get(c)?.values() ?? [])].reduce((a, b) => a + b, 0);
        const sum = e.sums.get(c) ?? 0;
        row[`${c}_mean`] = n ? sum / n : '';
        row[`${c}_sum`] = sum;
      }
      for (const c of categorical) for (const v of vocab[c]) row[countColumn(c, v)] = e.values.get(c)?.get(v) ?? 0;
      if (label) row[label] = e.label ?? '';
      return row;
    });
    return { columns, rows, vocab };
  }
}

function bump(map: Map<string, Map<string, number>>, column: string, value: string) {
  let m = map.get(column);
  if (!m) map.set(column, (m = new Map()));
  m.set(value, (m.get(value) ?? 0) + 1);
}

function topValues(counts: Map<string, number> | undefined, k: number): string[] {
  return [...(counts ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k).map(([v]) => v);
}

export function aggregateEvents(rows: Iterable<Readonly<Record<string, string | number | null | undefined>>>, opts: AggregateOptions): AggregateResult {
  const agg = new EventAggregator(opts);
  for (const r of rows) agg.add(r);
  return agg.finish();
}
