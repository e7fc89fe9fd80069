// Per-entity aggregates (velocity): ONE pure reducer, used by the training replay and by live ingestion,
// so a model sees at serving time exactly the numbers it was trained on.
//
// State per (entity, key) is a few time buckets per window, never a list of events: a merchant with
// 100k events a day costs what a quiet card costs. A window's value at time t covers the buckets whose
// start is in (t − window, t] (bucket-granular sliding window), in replay and live alike.
//
// Live, per event (in the ingestion transaction, states of its keys locked):
//   t = toEventSeconds(event[def.timeField]); keys = entityKeys(def, event)
//   values = aggregateValues(def, event, t, stateOf)          → score with featurize(spec, [event], { aggregates: values.map((v) => [v]) })
//   for each key: store foldEvent(def, event, t, key.entity, stateOf(key.entity, key.key))

import { type Row, toEventSeconds, toNum, toStr } from '../features/values';
import type { TableView } from '../table';
import type { AggregateDef, AggregateWindow, EventTypeDefinition } from './definition';
import { BUCKET_SECONDS, type Bucket, DISTINCT_CAP, emptyState, type EntityState, hash32, WINDOW_SECONDS } from './entity-state';

export { BUCKET_SECONDS, DISTINCT_CAP, WINDOW_SECONDS, emptyState, hash32 } from './entity-state';
export type { Bucket, EntityState } from './entity-state';

/** Reads one field of the current event. */
type Get = (field: string) => unknown;

interface Grid { window: AggregateWindow; numbers: string[]; distinct: string[] }
interface EntityPlan { grids: Grid[]; life: string[] }
interface Plan {
  /** Fields marked as an entity key, in definition order. */
  keyFields: { field: string; entity: string }[];
  entities: Map<string, EntityPlan>;
  /** Entities the aggregates read, and each aggregate's index into it. */
  used: string[];
  aggEntity: number[];
}

const plans = new WeakMap<EventTypeDefinition, Plan>();

function planOf(def: EventTypeDefinition): Plan {
  let plan = plans.get(def);
  if (plan) return plan;
  const keyFields = def.fields.flatMap((f) => (f.entity ? [{ field: f.name, entity: f.entity }] : []));
  const entities = new Map<string, EntityPlan>();
  for (const { entity } of keyFields) if (!entities.has(entity)) entities.set(entity, { grids: [], life: [] });
  const add = (list: string[], x: string) => { if (!list.includes(x)) list.push(x); };
  for (const a of def.aggregates) {
    const ep = entities.get(a.entity);
    if (!ep || a.fn === 'since_last') continue;
    if (!a.window) { if (a.fn === 'ratio_to_mean' && a.field) add(ep.life, a.field); continue; }
    let g = ep.grids.find((x) => x.window === a.window);
    if (!g) ep.grids.push(g = { window: a.window, numbers: [], distinct: [] });
    if (a.field && a.fn === 'distinct') add(g.distinct, a.field);
    else if (a.field && a.fn !== 'count') add(g.numbers, a.field);
  }
  const used = [...new Set(def.aggregates.map((a) => a.entity))];
  plan = { keyFields, entities, used, aggEntity: def.aggregates.map((a) => used.indexOf(a.entity)) };
  plans.set(def, plan);
  return plan;
}

/** 'customer.count_24h', 'customer.sum_order_price_24h', 'card.since_last', 'card.ratio_to_mean_amt'. */
export function aggregateName(a: AggregateDef): string {
  return `${a.entity}.${[a.fn, a.field, a.window].filter(Boolean).join('_')}`;
}

/**
 * One per entity field with a non-blank value: the keys whose state this event reads and updates (fold
 * the event into each). Two fields of one entity with the same value (sender = receiver) give one key.
 */
export function entityKeys(def: EventTypeDefinition, event: Row): { entity: string; field: string; key: string }[] {
  const out: { entity: string; field: string; key: string }[] = [];
  for (const { field, entity } of planOf(def).keyFields) {
    const key = toStr(event[field]);
    if (key && !out.some((k) => k.entity === entity && k.key === key)) out.push({ entity, field, key });
  }
  return out;
}

/** The key of an entity on this event: its first entity field with a value ('' when none). */
function keyOf(plan: Plan, entity: string, get: Get): string {
  for (const k of plan.keyFields) {
    if (k.entity !== entity) continue;
    const key = toStr(get(k.field));
    if (key) return key;
  }
  return '';
}

const NONE: Bucket[] = [];

function valueOf(a: AggregateDef, s: EntityState | undefined, t: number, get: Get): number {
  // An event arriving after a later one (live, out of order) reads 0, not a negative gap.
  if (a.fn === 'since_last') return s && s.last !== null ? Math.max(0, t - s.last) : NaN;
  // The window covers the buckets whose start is in (from, t].
  const list = (a.window && s?.w?.[a.window]) || NONE, from = a.window ? t - WINDOW_SECONDS[a.window] : 0;
  const field = a.field ?? '';
  if (a.fn === 'ratio_to_mean') {
    const x = toNum(get(field));
    let sum = 0, n = 0;
    if (a.window) for (const b of list) { const f = b.t > from && b.t <= t ? b.f?.[field] : undefined; if (f) { sum += f[0]; n += f[1]; } }
    else { const l = s?.life?.[field]; if (l) { sum = l[0]; n = l[1]; } }
    const mean = n ? sum / n : NaN;
    return mean > 0 && Number.isFinite(x) ? x / mean : NaN;
  }
  if (a.fn === 'count') { let n = 0; for (const b of list) if (b.t > from && b.t <= t) n += b.n; return n; }
  if (a.fn === 'distinct') {
    const e = a.window ? s?.dv?.[a.window]?.[field] : undefined;
    let n = 0;
    if (e) for (let j = 1; j < e.length; j += 2) if (e[j] > from && e[j] <= t) n++;
    return n;
  }
  let sum = 0, n = 0, max = -Infinity;
  for (const b of list) {
    const f = b.t > from && b.t <= t ? b.f?.[field] : undefined;
    if (f) { sum += f[0]; n += f[1]; if (f[2] > max) max = f[2]; }
  }
  if (a.fn === 'sum') return sum;
  if (a.fn === 'mean') return n ? sum / n : NaN;
  return n ? max : NaN;
}

type StateOf = (entity: string, key: string) => EntityState | undefined;

/**
 * The aggregates of an event BEFORE it is folded in, in def.aggregates order; NaN where undefined
 * (no key for the entity on this event, no time, since_last or a mean without earlier events).
 */
export function aggregateValues(def: EventTypeDefinition, event: Row, t: number, stateOf: StateOf): number[] {
  const plan = planOf(def), get: Get = (f) => event[f];
  // null: no key on this event; undefined: a key without state yet.
  const states = plan.used.map((e) => {
    const key = Number.isFinite(t) ? keyOf(plan, e, get) : '';
    return key ? stateOf(e, key) : null;
  });
  return def.aggregates.map((a, k) => {
    const s = states[plan.aggEntity[k]];
    return s === null ? NaN : valueOf(a, s, t, get);
  });
}

/** Folds the event into s (mutated). Buckets before the latest time minus the window are pruned. */
function foldInto(ep: EntityPlan | undefined, s: EntityState, get: Get, t: number): void {
  if (!Number.isFinite(t)) return;
  s.w ??= {}; // tolerate a hand-edited or truncated stored state
  s.n = (s.n || 0) + 1;
  s.last ??= null;
  s.last = s.last === null ? t : Math.max(s.last, t);
  if (!ep) return;
  for (const field of ep.life) {
    const x = toNum(get(field));
    if (!Number.isFinite(x)) continue;
    const l = (s.life ??= {})[field] ??= [0, 0];
    l[0] += x; l[1]++;
  }
  for (const g of ep.grids) {
    const width = BUCKET_SECONDS[g.window], oldest = s.last - WINDOW_SECONDS[g.window];
    const list = s.w[g.window] ??= [];
    while (list.length && list[0].t <= oldest) list.shift();
    const start = Math.floor(t / width) * width;
    if (start <= oldest) continue; // a late event already outside every window this state can still answer
    let j = list.length - 1;
    while (j >= 0 && list[j].t > start) j--;
    let b = list[j];
    if (!b || b.t !== start) list.splice(j + 1, 0, b = { t: start, n: 0, f: undefined }); // one shape for every bucket (JSON drops undefined)
    b.n++;
    for (const field of g.numbers) {
      const x = toNum(get(field));
      if (!Number.isFinite(x)) continue;
      const fs = (b.f ??= {}), f = fs[field];
      if (f) { f[0] += x; f[1]++; if (x > f[2]) f[2] = x; } else fs[field] = [x, 1, x];
    }
    for (const field of g.distinct) {
      const e = ((s.dv ??= {})[g.window] ??= {})[field] ??= [];
      let m = 0;
      for (let q = 0; q < e.length; q += 2) if (e[q + 1] > oldest) { e[m++] = e[q]; e[m++] = e[q + 1]; }
      e.length = m;
      const v = toStr(get(field));
      if (!v) continue;
      const h = hash32(v);
      let q = 0;
      while (q < e.length && e[q] !== h) q += 2;
      if (q < e.length) { if (start > e[q + 1]) e[q + 1] = start; continue; }
      e.push(h, start);
      // Over the cap: forget the value seen longest ago. Whenever it would still be in a window, the
      // DISTINCT_CAP values kept are too, so the count reads the cap either way.
      if (e.length > 2 * DISTINCT_CAP) {
        let k = 1;
        for (let r = 3; r < e.length; r += 2) if (e[r] < e[k]) k = r;
        e.splice(k - 1, 2);
      }
    }
  }
}

/** The state of (entity, key) after this event; prev is not modified. An event without a valid time changes nothing. */
export function foldEvent(def: EventTypeDefinition, event: Row, t: number, entity: string, prev: EntityState | undefined): EntityState {
  const s = prev ? structuredClone(prev) : emptyState();
  foldInto(planOf(def).entities.get(entity), s, (f) => event[f], t);
  return s;
}

/** Epoch seconds of every row's time field. */
export function eventTimes(def: EventTypeDefinition, view: TableView): Float64Array {
  const read = view.reader(def.timeField);
  if (!read && view.nRows) throw new Error(`time field '${def.timeField}' not found`);
  const out = new Float64Array(view.nRows);
  for (let i = 0; i < out.length; i++) out[i] = toEventSeconds(read!(i));
  return out;
}

/**
 * Aggregates of every row as live ingestion would have computed them: each key's events visited in
 * (time, original index) order, each valued before being folded in. One column per aggregate; rows
 * without a time or without the entity's key get NaN.
 *
 * Keys are independent, so the replay goes one entity at a time and, within it, one key at a time: only
 * one state is alive, whatever the number of keys (a million one-off IPs cost no memory).
 */
export function replayAggregates(def: EventTypeDefinition, view: TableView): Float64Array[] {
  const plan = planOf(def);
  const n = view.nRows;
  const out = def.aggregates.map(() => new Float64Array(n).fill(NaN));
  if (!n || !def.aggregates.length) return out;
  const times = eventTimes(def, view);
  let m = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(times[i])) m++;
  const order = new Uint32Array(m);
  for (let i = 0, k = 0; i < n; i++) if (Number.isFinite(times[i])) order[k++] = i;
  order.sort((a, b) => times[a] - times[b] || a - b);

  const readers = new Map(view.names.map((name) => [name, view.reader(name)!]));
  let row = 0;
  const get: Get = (f) => readers.get(f)?.(row);
  plan.used.forEach((entity, e) => {
    const fields = plan.keyFields.filter((k) => k.entity === entity).flatMap((k) => readers.get(k.field) ?? []);
    const aggs = def.aggregates.flatMap((a, k) => (plan.aggEntity[k] === e ? [k] : []));
    // (row, key, values-this-row?) in time order; a row's key is its first field with a value.
    const ids = new Map<string, number>();
    let pRow = new Uint32Array(Math.max(1024, m)), pKey = new Uint32Array(pRow.length), pMain = new Uint8Array(pRow.length), p = 0;
    for (const i of order) {
      const first = p;
      for (const read of fields) {
        const key = toStr(read(i));
        if (!key) continue;
        let id = ids.get(key);
        if (id === undefined) ids.set(key, id = ids.size);
        let dup = false;
        for (let q = first; q < p; q++) if (pKey[q] === id) dup = true; // the same key in two fields counts once
        if (dup) continue;
        if (p === pRow.length) { pRow = grow(pRow); pKey = grow(pKey); pMain = grow(pMain); }
        pRow[p] = i; pKey[p] = id; pMain[p] = p === first ? 1 : 0; p++;
      }
    }
    // Stable counting sort by key: each key's events stay in time order.
    const start = new Uint32Array(ids.size + 1);
    ids.clear();
    for (let q = 0; q < p; q++) start[pKey[q] + 1]++;
    for (let k = 0; k < start.length - 1; k++) start[k + 1] += start[k];
    const byKey = new Uint32Array(p), next = start.slice(0, -1);
    for (let q = 0; q < p; q++) byKey[next[pKey[q]]++] = q;

    const ep = plan.entities.get(entity);
    for (let k = 0; k + 1 < start.length; k++) {
      let s: EntityState | undefined;
      for (let j = start[k]; j < start[k + 1]; j++) {
        const q = byKey[j];
        row = pRow[q];
        const t = times[row];
        if (pMain[q]) for (const a of aggs) out[a][row] = valueOf(def.aggregates[a], s, t, get);
        foldInto(ep, s ??= emptyState(), get, t);
      }
    }
  });
  return out;
}

function grow<A extends Uint32Array | Uint8Array>(a: A): A {
  const b = new (a.constructor as new (n: number) => A)(a.length * 2);
  b.set(a);
  return b;
}

/** Per-row value lists (as aggregateValues returns them) → one column per aggregate, for featurize. */
export function aggregateColumns(perRow: readonly (readonly (number | null)[])[], nAggregates: number): Float64Array[] {
  const cols = Array.from({ length: nAggregates }, () => new Float64Array(perRow.length));
  perRow.forEach((vals, i) => { for (let k = 0; k < nAggregates; k++) cols[k][i] = vals[k] ?? NaN; });
  return cols;
}
