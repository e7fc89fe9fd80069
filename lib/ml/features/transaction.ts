// Transaction featuriser for Sparkov-like card data, with per-card velocity computed without leakage.

import type { FeatureMatrix } from '../types';
import { type CellReader, type RowData, type TableView, viewOf } from '../table';
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

const blank: CellReader = () => '';
const col = (view: TableView, name: string): CellReader => view.reader(name) ?? blank;

/** txTime for every row of a view, into a typed column. */
export function txTimes(view: TableView): Float64Array {
  const dt = col(view, 'trans_date_trans_time'), unix = col(view, 'unix_time');
  const out = new Float64Array(view.nRows);
  for (let i = 0; i < out.length; i++) {
    const t = toEpochSeconds(dt(i));
    out[i] = Number.isFinite(t) ? t : toNum(unix(i));
  }
  return out;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180, dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function median(xs: number[]): number {
  return medianOf(Float64Array.from(xs));
}

/** Sorts xs in place. */
function medianOf(xs: Float64Array): number {
  if (!xs.length) return NaN;
  const s = xs.sort(), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function fitTransactionFeaturizer(data: RowData): TxSpec {
  const view = viewOf(data);
  const category = col(view, 'category'), amt = col(view, 'amt');
  const amounts = new Map<string, number[]>();
  const all = new Float64Array(view.nRows);
  let nAll = 0;
  for (let i = 0; i < view.nRows; i++) {
    const c = toStr(category(i)), a = toNum(amt(i));
    if (!c) continue;
    let list = amounts.get(c);
    if (!list) amounts.set(c, (list = []));
    if (Number.isFinite(a)) { list.push(a); all[nAll++] = a; }
  }
  const cats = [...amounts.keys()].sort((a, b) => amounts.get(b)!.length - amounts.get(a)!.length || a.localeCompare(b))
    .slice(0, MAX_CATEGORIES);
  const globalMedian = medianOf(all.subarray(0, nAll));
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
export function transactionFeatures(spec: TxSpec, data: RowData, history: RowData = [], cardStates?: Map<string, CardState>): FeatureMatrix {
  const view = viewOf(data);
  const n = view.nRows;
  const names = [...TX_FEATURES];
  const cols = names.map(() => new Float64Array(n));
  const out = (name: (typeof TX_FEATURES)[number]) => cols[TX_FEATURES.indexOf(name)];
  const catIndex = new Map(spec.categories.map((c, i) => [c, i]));
  const times = txTimes(view);
  const [amtOf, category, dob, gender, lat, long, merchLat, merchLong, cityPop] =
    ['amt', 'category', 'dob', 'gender', 'lat', 'long', 'merch_lat', 'merch_long', 'city_pop'].map((c) => col(view, c));
  const [logAmount, hour, weekday, catCol, toCatMedian, age, distance, logPop, genderCol] =
    (['log_amount', 'hour', 'weekday', 'category', 'amount_to_category_median', 'age', 'distance_km', 'log_city_pop', 'gender'] as const).map(out);

  for (let i = 0; i < n; i++) {
    const t = times[i], amt = toNum(amtOf(i));
    const d = Number.isFinite(t) ? new Date(t * 1000) : null;
    const cat = toStr(category(i));
    const code = cat ? (catIndex.get(cat) ?? spec.categories.length - 1) : NaN;
    const catMedian = Number.isNaN(code) ? spec.globalMedian : spec.categoryMedian[code];
    const born = toEpochSeconds(dob(i));
    const g = toStr(gender(i)).toUpperCase();
    logAmount[i] = Math.log1p(Math.max(0, amt));
    hour[i] = d ? d.getUTCHours() : NaN;
    weekday[i] = d ? d.getUTCDay() : NaN;
    catCol[i] = code;
    toCatMedian[i] = catMedian > 0 ? amt / catMedian : NaN;
    age[i] = Number.isFinite(t) && Number.isFinite(born) ? (t - born) / (365.25 * DAY) : NaN;
    distance[i] = haversineKm(toNum(lat(i)), toNum(long(i)), toNum(merchLat(i)), toNum(merchLong(i)));
    logPop[i] = Math.log1p(toNum(cityPop(i)));
    genderCol[i] = g === 'M' ? 0 : g === 'F' ? 1 : NaN;
  }

  // Velocity: one replay over history then rows, in time order (ties keep that order). Events are
  // indices into typed columns, history first, so no object is made per row.
  const past = viewOf(history);
  const h = past.nRows, total = h + n;
  const eventTime = new Float64Array(total), eventAmount = new Float64Array(total);
  eventTime.set(txTimes(past)); eventTime.set(times, h);
  const pastAmt = col(past, 'amt'), pastCard = col(past, 'cc_num'), card = col(view, 'cc_num');
  for (let k = 0; k < h; k++) eventAmount[k] = toNum(pastAmt(k));
  for (let i = 0; i < n; i++) eventAmount[h + i] = toNum(amtOf(i));
  const cardOf = (e: number) => toStr(e < h ? pastCard(e) : card(e - h));
  // Events without a time or a card update nothing and get no velocity: leave them out of the sort.
  const order = new Uint32Array(total);
  let m = 0;
  for (let e = 0; e < total; e++) if (Number.isFinite(eventTime[e])) order[m++] = e;
  const events = order.subarray(0, m).sort((a, b) => eventTime[a] - eventTime[b] || a - b);
  const velocityCols = ['card_tx_count_1h', 'card_amount_sum_1h', 'card_tx_count_24h', 'card_amount_sum_24h', 'seconds_since_prev', 'amount_to_card_mean'] as const;
  for (const name of velocityCols) out(name).fill(NaN);
  const velocityOut = velocityCols.map(out);
  const states = cardStates ?? new Map<string, CardState>();
  for (const e of events) {
    const key = cardOf(e);
    if (!key) continue;
    const tx = { time: eventTime[e], amount: eventAmount[e] };
    const state = states.get(key) ?? emptyCardState();
    if (e >= h) {
      const v = velocityFor(state, tx);
      for (let k = 0; k < velocityCols.length; k++) velocityOut[k][e - h] = v[velocityCols[k]];
    }
    states.set(key, updateCardStateInPlace(state, tx));
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
