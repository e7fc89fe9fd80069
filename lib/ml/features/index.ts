// One entry point over the three featurisers: fit a JSON spec once, featurise any rows with it.

import type { EventTypeDefinition } from '../events/definition';
import { type AggregateColumns, type EventSpec, eventFeatures, fitEventFeaturizer } from '../events/featurize';
import { type RowData, type TableView, viewOf } from '../table';
import type { FeatureMatrix } from '../types';
import { type EmailOptions, type EmailSpec, emailFeatures, fitEmailFeaturizer } from './email';
import { type TabularOptions, type TabularSpec, inferTabularSpec, tabularFeatures } from './tabular';
import { type CardState, type TxSpec, fitTransactionFeaturizer, transactionFeatures } from './transaction';
import { type Row, toStr } from './values';

export type FeatureKind = 'email' | 'transaction' | 'tabular' | 'event';
/** Kinds trainable from a CSV alone; 'event' also needs its event type definition (FitOptions.eventType). */
export const FEATURE_KINDS: readonly FeatureKind[] = ['email', 'transaction', 'tabular'];

export type FeatureSpec =
  | { kind: 'email'; column: string; email: EmailSpec }
  | { kind: 'transaction'; transaction: TxSpec }
  | { kind: 'tabular'; tabular: TabularSpec }
  | { kind: 'event'; event: EventSpec };

export interface FitOptions {
  labelColumn?: string;
  /** Email kind: the address column (default 'email', else the first column named like e-mail). */
  emailColumn?: string;
  email?: EmailOptions;
  tabular?: TabularOptions;
  /** Event kind: the event type definition (required). */
  eventType?: EventTypeDefinition;
}

export interface FeaturizeOptions {
  /** Transaction kind: earlier transactions that seed per-card velocity. */
  history?: RowData;
  /** Transaction kind: per-card state carried across batches of a time-ordered stream (updated in place). */
  cardStates?: Map<string, CardState>;
  /**
   * Event kind, live scoring: per aggregate (definition order) one value per row, computed by the server
   * from stored entity state with aggregateValues. Without it the aggregates are replayed over the rows.
   */
  aggregates?: AggregateColumns;
}

/** Columns a transaction row must have (time may come from either column). */
const TX_REQUIRED = ['cc_num', 'category', 'amt'];

export function findEmailColumn(columns: string[]): string | undefined {
  return columns.find((c) => c.toLowerCase() === 'email') ?? columns.find((c) => /^e-?mail/i.test(c));
}

/** The kinds a CSV's columns can suggest by themselves. */
export type InferredKind = Exclude<FeatureKind, 'event'>;

/** email column named exactly 'email' → email; Sparkov columns → transaction; else tabular. */
export function inferKind(columns: string[]): InferredKind {
  const set = new Set(columns.map((c) => c.toLowerCase()));
  if (set.has('email')) return 'email';
  if (TX_REQUIRED.every((c) => set.has(c)) && (set.has('trans_date_trans_time') || set.has('unix_time'))) return 'transaction';
  return 'tabular';
}

/** Columns a rows-set must contain to be featurised with spec; used for friendly errors. */
export function requiredColumns(spec: FeatureSpec): string[] {
  if (spec.kind === 'email') return [spec.column];
  if (spec.kind === 'transaction') return [...TX_REQUIRED, 'trans_date_trans_time|unix_time'];
  // An event may leave optional fields out (they read as missing); its time the server always sets.
  if (spec.kind === 'event') return [spec.event.definition.timeField];
  return spec.tabular.columns.map((c) => c.name);
}

export function missingColumns(spec: FeatureSpec, columns: string[]): string[] {
  const have = new Set(columns);
  return requiredColumns(spec).filter((c) => !c.split('|').some((alt) => have.has(alt)));
}

export type { RowData };

/** A column's trimmed text for every row. */
function textColumn(view: TableView, column: string): string[] {
  const read = view.reader(column);
  const out = new Array<string>(view.nRows);
  for (let i = 0; i < view.nRows; i++) out[i] = read ? toStr(read(i)) : '';
  return out;
}

export function fitFeaturizer(kind: FeatureKind, data: RowData, opts: FitOptions = {}): FeatureSpec {
  const view = viewOf(data);
  const cols = view.names;
  if (kind === 'email') {
    const column = opts.emailColumn ?? findEmailColumn(cols);
    if (!column || !cols.includes(column)) throw new Error(`no email column found (columns: ${cols.join(', ')})`);
    return { kind, column, email: fitEmailFeaturizer(textColumn(view, column), opts.email) };
  }
  if (kind === 'transaction') {
    const spec: FeatureSpec = { kind, transaction: fitTransactionFeaturizer(view) };
    const missing = missingColumns(spec, cols);
    if (missing.length) throw new Error(`missing transaction column(s): ${missing.join(', ')}`);
    return spec;
  }
  if (kind === 'event') {
    if (!opts.eventType) throw new Error('the event kind needs an event type definition (featureOptions.eventType)');
    return { kind, event: fitEventFeaturizer(view, opts.eventType, opts.labelColumn ?? '') };
  }
  return { kind, tabular: inferTabularSpec(view, opts.labelColumn ?? '', opts.tabular) };
}

export function featurize(spec: FeatureSpec, data: RowData, opts: FeaturizeOptions = {}): FeatureMatrix {
  const view = viewOf(data);
  if (spec.kind === 'email') return emailFeatures(spec.email, textColumn(view, spec.column));
  if (spec.kind === 'transaction') return transactionFeatures(spec.transaction, view, opts.history, opts.cardStates);
  if (spec.kind === 'event') return eventFeatures(spec.event, view, opts.aggregates);
  return tabularFeatures(spec.tabular, view);
}

export type { AggregateColumns, CardState, EmailSpec, EventSpec, TabularSpec, TxSpec, Row };
