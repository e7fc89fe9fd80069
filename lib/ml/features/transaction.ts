// Transaction featuriser for Sparkov-like card data, with per-card velocity computed without leakage.

import type { FeatureMatrix } from '../types';
import { type Row, toEpochSeconds, toNum, toStr } from './values';

export interface TxSpec {
  version: 1;
  /** Category vocabulary; the last entry is 'other' for values unseen at fit time. */
  categories: string[];
  /** Median amount per category (same order), for amount_to_category_median. */
  categoryMedian: number[];
  globalMedian: number;
}

export const TX_FEATURES = [
  'log_amount', 'hour', 'weekday', 'category', 'amount_to_category_median', 'age', 'distance_km', 'log_city_pop',
  'gender', 'card_tx_count_1h', 'card_amount_sum_1h', 'card_tx_count_24h', 'card_amount_sum_24h',
  'seconds_since_prev', 'amount_to_card_mean',
] as const;

export const SPARKOV_COLUMNS = ['trans_date_trans_time', 'cc_num', 'category', 'amt', 'dob', 'unix_time'] as const;

const MAX_CATEGORIES = 100;
const HOUR = 3600, DAY = 86400;

// ---- per-card velocity as a pure reducer ----

/** What we remember about one card: all-time count and sum, last time, and the last 24 h of [time, amount]. */
export interface CardState {
  n: number;
  sum: number;
  last: number | null;
  recent: [number, number][];
}

export interface CardTx { time: number; amount: number }

export interface Velocity {
  card_tx_count_1h: number; card_amount_sum_1h: number;
  card_tx_count_24h: number; card_amount_sum_24h: number;
  seconds_since_prev: number; amount_to_card_mean: number;
}

export const emptyCardState = (): CardState => ({ n: 0, sum: 0, last: null, recent: [] });

/** Velocity of tx given only what happened before it (tx itself is not in state). */
export function velocityFor(state: CardState, tx: CardTx): Velocity {
  let c1 = 0, s1 = 0, c24 = 0, s24 = 0;
  for (const [t, a] of state.recent) {
    const age = tx.time - t;
    if (age < 0 || age >= DAY) continue;
    c24++; s24 += a;
    if (age < HOUR) { c1++; s1 += a; }
  }
  const mean = state.n ? state.sum / state.n : NaN;
  return {
    card_tx_count_1h: c1, card_amount_sum_1h: s1, card_tx_count_24h: c24, card_amount_sum_24h: s24,
    seconds_since_prev: state.last === null ? NaN : tx.time - state.last,
    amount_to_card_mean: mean > 0 ? tx.amount / mean : NaN,
  };
}

/** New state after tx; entries older than 24 h before tx are dropped. */
export function updateCardState(state: CardState, tx: CardTx): CardState {
  const amount = Number.isFinite(tx.amount) ? tx.amount : 0;
  const recent = state.recent.filter(([t]) => tx.time - t < DAY);
  recent.push([tx.time, amount]);
  return {
    n: state.n + 1,
    sum: state.sum + amount,
    last: state.last === null ? tx.time : Math.max(state.last, tx.time),
    recent,
  };
}

// ---- row-level helpers ----

/** Transaction time in epoch seconds: trans_date_trans_time if parseable, else unix_time. */
export function txTime(row: Row): number {
  const t = toEpochSeconds(row.trans_date_trans_time);
  return Number.isFinite(t) ? t : toNum(row.unix_time);
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180, dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = xs.slice().sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function fitTransactionFeaturizer(rows: Row[]): TxSpec {
  const amounts = new Map<string, number[]>();
  const all: number[] = [];
  for (const r of rows) {
    const c = toStr(r.category), a = toNum(r.amt);
    if (!c) continue;
    if (!amounts.has(c)) amounts.set(c, []);
    if (Number.isFinite(a)) { amounts.get(c)!.push(a); all.push(a); }
  }
  const cats = [...amounts.keys()].sort((a, b) => amounts.get(b)!.length - amounts.get(a)!.length || a.localeCompare(b))
    .slice(0, MAX_CATEGORIES);
  const globalMedian = median(all);
  return {
    version: 1,
    categories: [...cats, 'other'],
    categoryMedian: [...cats.map((c) => median(amounts.get(c)!)), globalMedian],
    globalMedian,
  };
}

/**
 * Features for rows. Velocity replays history (optional, e.g. earlier transactions of the same
 * cards) and then rows, in time order; each row sees only transactions strictly before it in that
 * order (ties keep input order), never its own amount or later rows. cardStates, when given, seeds
 * the replay and is left updated, so a time-ordered stream can be featurised batch by batch.
 */
export function transactionFeatures(spec: TxSpec, rows: Row[], history: Row[] = [], cardStates?: Map<string, CardState>): FeatureMatrix {
  const n = rows.length;
  const names = [...TX_FEATURES];
  const cols = names.map(() => new Float64Array(n));
  const col = (name: (typeof TX_FEATURES)[number]) => cols[TX_FEATURES.indexOf(name)];
  const catIndex = new Map(spec.categories.map((c, i) => [c, i]));
  const times = rows.map(txTime);

  for (let i = 0; i < n; i++) {
    const r = rows[i], t = times[i], amt = toNum(r.amt);
    const d = Number.isFinite(t) ? new Date(t * 1000) : null;
    const cat = toStr(r.category);
    const code = cat ? (catIndex.get(cat) ?? spec.categories.length - 1) : NaN;
    const catMedian = Number.isNaN(code) ? spec.globalMedian : spec.categoryMedian[code];
    const dob = toEpochSeconds(r.dob);
    const g = toStr(r.gender).toUpperCase();
    col('log_amount')[i] = Math.log1p(Math.max(0, amt));
    col('hour')[i] = d ? d.getUTCHours() : NaN;
    col('weekday')[i] = d ? d.getUTCDay() : NaN;
    col('category')[i] = code;
    col('amount_to_category_median')[i] = catMedian > 0 ? amt / catMedian : NaN;
    col('age')[i] = Number.isFinite(t) && Number.isFinite(dob) ? (t - dob) / (365.25 * DAY) : NaN;
    col('distance_km')[i] = haversineKm(toNum(r.lat), toNum(r.long), toNum(r.merch_lat), toNum(r.merch_long));
    col('log_city_pop')[i] = Math.log1p(toNum(r.city_pop));
    col('gender')[i] = g === 'M' ? 0 : g === 'F' ? 1 : NaN;
  }

  // Velocity: one replay over history then rows, sorted by time.
  const events: { t: number; card: string; amount: number; row: number; seq: number }[] = [];
  history.forEach((r, k) => events.push({ t: txTime(r), card: toStr(r.cc_num), amount: toNum(r.amt), row: -1, seq: k }));
  rows.forEach((r, i) => events.push({ t: times[i], card: toStr(r.cc_num), amount: toNum(r.amt), row: i, seq: history.length + i }));
  events.sort((a, b) => a.t - b.t || a.seq - b.seq);
  const velocityCols = ['card_tx_count_1h', 'card_amount_sum_1h', 'card_tx_count_24h', 'card_amount_sum_24h', 'seconds_since_prev', 'amount_to_card_mean'] as const;
  for (const name of velocityCols) col(name).fill(NaN);
  const states = cardStates ?? new Map<string, CardState>();
  for (const e of events) {
    if (!e.card || !Number.isFinite(e.t)) continue;
    const state = states.get(e.card) ?? emptyCardState();
    if (e.row >= 0) {
      const v = velocityFor(state, { time: e.t, amount: e.amount });
      for (const name of velocityCols) col(name)[e.row] = v[name];
    }
    states.set(e.card, updateCardStateInPlace(state, { time: e.t, amount: e.amount }));
  }
  return { nRows: n, columns: cols, names, categorical: names.map((nm) => nm === 'category') };
}

/** Same result as updateCardState, mutating for speed in batch replays (the state is private there). */
function updateCardStateInPlace(state: CardState, tx: CardTx): CardState {
  const amount = Number.isFinite(tx.amount) ? tx.amount : 0;
  let drop = 0;
  while (drop < state.recent.length && tx.time - state.recent[drop][0] >= DAY) drop++;
  if (drop) state.recent.splice(0, drop);
  state.recent.push([tx.time, amount]);
  state.n++;
  state.sum += amount;
  state.last = state.last === null ? tx.time : Math.max(state.last, tx.time);
  return state;
}
