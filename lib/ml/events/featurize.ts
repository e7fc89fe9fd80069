// Event featuriser: the definition's fields through the tabular featuriser (types from the definition,
// not inferred), then the per-entity aggregates (replayed over the rows, or given by the server live).

import { categoricalColumn, emailColumn, ipColumn, type TabularColumn, type TabularSpec, tabularFeatures, tabularHistoryContext } from '../features/tabular';
import { toStr } from '../features/values';
import { type RowData, type TableView, viewOf } from '../table';
import type { FeatureMatrix } from '../types';
import { aggregateName, replayAggregates } from './aggregates';
import type { EventTypeDefinition } from './definition';

export interface EventSpec {
  version: 1;
  /** A snapshot: the model keeps the definition it was trained with, whatever the event type becomes. */
  definition: EventTypeDefinition;
  /** The definition's fields as typed columns; `dropped` says which were left out and why. */
  tabular: TabularSpec;
  /** aggregateName of each aggregate, in definition order: the last features of the matrix. */
  aggregates: string[];
}

/** Per aggregate (definition order), one value per row; null or NaN where undefined. */
export type AggregateColumns = readonly (Float64Array | readonly (number | null)[])[];

const SAMPLE = 20000;
const MAX_CATEGORIES = 50;

/** Distinct non-blank values of a column over an even sample of at most SAMPLE rows. */
function distinctShare(view: TableView, name: string): { distinct: number; present: number } {
  const read = view.reader(name)!;
  const step = Math.max(1, Math.ceil(view.nRows / SAMPLE));
  const seen = new Set<string>();
  let present = 0;
  for (let i = 0; i < view.nRows; i += step) { const v = toStr(read(i)); if (v) { present++; seen.add(v); } }
  return { distinct: seen.size, present };
}

export function fitEventFeaturizer(data: RowData, def: EventTypeDefinition, labelColumn = ''): EventSpec {
  const view = viewOf(data);
  const n = view.nRows;
  const columns: TabularColumn[] = [];
  const dropped: TabularSpec['dropped'] = [];
  // Email and IP fields get the history of their keys (earlier events only), ordered by the event time.
  const ctx = tabularHistoryContext(view, labelColumn, def.timeField);
  for (const f of def.fields) {
    const read = view.reader(f.name);
    const drop = (reason: string) => dropped.push({ name: f.name, reason });
    if (f.name === labelColumn) { drop('the label'); continue; }
    if (f.name === def.idField) { drop('the event id: unique per event, no signal'); continue; }
    if (f.type === 'text') { drop('free text is not featurised'); continue; }
    if (f.type === 'id') { drop(f.entity ? 'an id: its aggregates carry it' : 'an id: no signal by itself'); continue; }
    if (!read) { drop('not in the training data'); continue; }
    const { distinct, present } = distinctShare(view, f.name);
    if (!present) { drop('empty'); continue; }
    if (f.name === def.timeField || f.type === 'timestamp' || f.type === 'date') { columns.push({ name: f.name, type: 'datetime' }); continue; }
    if (f.type === 'email') { columns.push(emailColumn(f.name, read, n, 0, ctx)); continue; }
    if (f.type === 'ip') { columns.push(ipColumn(f.name, read, n, ctx)); continue; }
    // A one-hot of the top keys would memorise a few customers; the aggregates describe every key.
    if (f.entity && distinct > MAX_CATEGORIES && (distinct > 1000 || distinct >= 0.05 * present)) {
      drop(`an entity key with ${distinct}+ distinct values: its aggregates carry it`);
      continue;
    }
    if (f.type === 'number') columns.push({ name: f.name, type: 'numeric' });
    else columns.push(categoricalColumn(f.name, read, n, MAX_CATEGORIES));
  }
  return {
    version: 1,
    definition: structuredClone(def),
    tabular: { version: 1, label: labelColumn, columns, dropped },
    aggregates: def.aggregates.map(aggregateName),
  };
}

const blank = () => '';

/** Definition fields absent from the rows read as blank: an event's payload may leave optional fields out. */
function withBlankFields(view: TableView, def: EventTypeDefinition): TableView {
  const fields = new Set(def.fields.map((f) => f.name));
  return { ...view, reader: (name) => view.reader(name) ?? (fields.has(name) ? blank : null) };
}

function checkedColumns(spec: EventSpec, given: AggregateColumns, n: number): Float64Array[] {
  if (given.length !== spec.aggregates.length) throw new Error(`expected ${spec.aggregates.length} aggregate columns (${spec.aggregates.join(', ')}), got ${given.length}`);
  return given.map((c, k) => {
    if (c.length !== n) throw new Error(`aggregate ${spec.aggregates[k]}: ${c.length} values for ${n} rows`);
    if (c instanceof Float64Array) return c;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = c[i] ?? NaN;
    return out;
  });
}

/**
 * Field features (as the tabular featuriser names them), then one feature per aggregate. With
 * `aggregates` (live scoring: the server computed them from stored state) they are used as given;
 * without, they are replayed over the rows (training, backtests).
 */
export function eventFeatures(spec: EventSpec, data: RowData, aggregates?: AggregateColumns): FeatureMatrix {
  const view = withBlankFields(viewOf(data), spec.definition);
  // Live (aggregates given): the history of IPs and addresses is the training tables', even for a back-dated event.
  const X = tabularFeatures(spec.tabular, view, { frozenHistory: aggregates !== undefined });
  const aggs = aggregates ? checkedColumns(spec, aggregates, view.nRows) : replayAggregates(spec.definition, view);
  return {
    nRows: X.nRows,
    columns: [...X.columns, ...aggs],
    names: [...X.names, ...spec.aggregates],
    categorical: [...X.categorical, ...aggs.map(() => false)],
  };
}
