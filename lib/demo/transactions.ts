// Seeded Sparkov-style card transactions: per-card habits plus night-time fraud bursts.
import { SPARKOV_CATEGORIES, type SparkovCategory } from '../ml/events/seed-shapes';
import { createRng, type Rng } from '../ml/rng';
import { farCity, makeCards, type Card } from './cards';
import { CATEGORY_PROFILES, merchantCatalogue } from './merchants';
import type { City } from './places';
import { cmp, cumulative, hex32, pickIndex, poisson, round } from './sampling';

/** One row, typed as Sparkov's CSV reads (columns in SPARKOV_COLUMNS order): numbers where the file holds numbers. */
export interface SparkovRow {
  trans_date_trans_time: string;
  /** A string: 15–19-digit card numbers exceed Number.MAX_SAFE_INTEGER. */
  cc_num: string;
  merchant: string;
  category: SparkovCategory;
  amt: number;
  first: string;
  last: string;
  gender: 'F' | 'M';
  street: string;
  city: string;
  state: string;
  zip: number;
  lat: number;
  long: number;
  city_pop: number;
  job: string;
  dob: string;
  trans_num: string;
  unix_time: number;
  merch_lat: number;
  merch_long: number;
  is_fraud: 0 | 1;
}

export interface TransactionOptions {
  cards?: number;
  days?: number;
  seed?: number;
  /** Epoch milliseconds of the first day (UTC midnight recommended). */
  start?: number;
  /** Share of fraudulent rows in the output, in [0, 1). */
  fraudRate?: number;
}

const DAY = 86_400;

// Legit activity by hour: quiet nights, busy afternoons and evenings.
const LEGIT_HOURS = cumulative([
  0.15, 0.15, 0.15, 0.15, 0.15, 0.2, 0.4, 0.8, 0.8, 1, 1, 1,
  1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1, 0.5, 0.5,
]);
// A few night owls blur the "night = fraud" signal.
const OWL_HOURS = cumulative([
  0.8, 0.7, 0.5, 0.3, 0.15, 0.15, 0.2, 0.4, 0.6, 0.8, 1, 1,
  1, 1, 1, 1, 1, 1, 1.2, 1.2, 1.2, 1.2, 1.1, 1,
]);
const FRAUD_NIGHT_HOURS = [22, 23, 0, 1, 2, 3] as const;

// Fraud favours goods that resell easily: online shopping, groceries, misc online.
const FRAUD_CAT_WEIGHT: Partial<Record<SparkovCategory, number>> = {
  shopping_net: 24, grocery_pos: 18, misc_net: 13, shopping_pos: 13, gas_transport: 7, grocery_net: 5, misc_pos: 4,
};
const FRAUD_CAT_CUM = cumulative(SPARKOV_CATEGORIES.map((c) => FRAUD_CAT_WEIGHT[c] ?? 2.3));
const FRAUD_AMOUNT: Partial<Record<SparkovCategory, readonly [number, number]>> = {
  shopping_net: [700, 1250],
  shopping_pos: [650, 1200],
  misc_net: [550, 1050],
  misc_pos: [200, 900],
  grocery_pos: [260, 380],
  grocery_net: [150, 350],
  gas_transport: [5, 22],
};

export function generateTransactions(opts: TransactionOptions = {}): SparkovRow[] {
  const { cards: nCards = 300, days = 30, seed = 42, start = Date.UTC(2026, 0, 1), fraudRate = 0.015 } = opts;
  if (!Number.isInteger(nCards) || nCards < 0) throw new RangeError('cards must be a non-negative integer');
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  if (!(fraudRate >= 0 && fraudRate < 1)) throw new RangeError('fraudRate must be in [0, 1)');
  if (!Number.isFinite(start)) throw new RangeError('start must be epoch milliseconds');

  const rng = createRng(seed);
  const startSec = Math.floor(start / 1000);
  const endSec = startSec + days * DAY;
  const cards = makeCards(rng, nCards, days, startSec);
  const catalogue = merchantCatalogue();
  const rows: SparkovRow[] = [];

  // Legitimate activity: a Poisson count per card per day, at the card's habitual hours.
  for (const card of cards) {
    const hours = card.nightOwl ? OWL_HOURS : LEGIT_HOURS;
    for (let d = 0; d < days; d++) {
      const dow = new Date((startSec + d * DAY) * 1000).getUTCDay();
      const n = poisson(rng, card.rate * (dow === 0 || dow === 6 ? 1.25 : 1));
      const near = card.trip && d >= card.trip.from && d < card.trip.to ? card.trip.city : card.home;
      for (let k = 0; k < n; k++) {
        const t = startSec + d * DAY + pickIndex(rng, hours) * 3600 + rng.int(3600);
        const category = SPARKOV_CATEGORIES[pickIndex(rng, card.catCum)];
        const amt = legitAmount(rng, category, card.spend);
        rows.push(makeRow(rng, card, t, rng.pick(catalogue[category]).name, category, amt, near, 0));
      }
    }
  }

  // Fraud rows needed so that fraud / (legit + fraud) ≈ fraudRate.
  const legitCount = rows.length;
  let fraudLeft = Math.round((fraudRate * legitCount) / (1 - fraudRate));
  if (fraudRate > 0 && legitCount > 0) fraudLeft = Math.max(1, fraudLeft);
  const order = rng.shuffle(cards.map((_, i) => i));
  for (let i = 0; fraudLeft > 0 && cards.length > 0 && days > 0; i++) {
    const card = cards[order[i % order.length]];
    const size = Math.min(fraudLeft, 3 + rng.int(10));
    fraudLeft -= burst(rng, card, size, startSec, endSec, days, rows);
  }

  // Time order, with deterministic tie-breaks.
  rows.sort((a, b) => a.unix_time - b.unix_time || cmp(a.cc_num, b.cc_num) || cmp(a.trans_num, b.trans_num));
  return rows;
}

/** Appends one compromised-card burst; returns how many rows it added (≥ 1). */
function burst(rng: Rng, card: Card, size: number, startSec: number, endSec: number, days: number, rows: SparkovRow[]): number {
  const catalogue = merchantCatalogue();
  // Mostly at night; a few daytime bursts keep "hour" from being a perfect feature.
  const hour = rng.next() < 0.85 ? rng.pick(FRAUD_NIGHT_HOURS) : 8 + rng.int(14);
  let t = startSec + rng.int(days) * DAY + hour * 3600 + rng.int(3600);
  // Usually used far from home; sometimes by someone local (skimmer at a nearby pump).
  const where = rng.next() < 0.75 ? farCity(rng, card.home) : card.home;
  const nextNight = rng.next() < 0.25 ? Math.floor(size / 2) : -1;
  let added = 0;
  for (let k = 0; k < size; k++) {
    if (k > 0) t += 30 + Math.floor(-Math.log(1 - rng.next()) * 600); // minutes apart: velocity
    if (k === nextNight) t += DAY - 3600 + rng.int(7200); // the fraudster comes back the next night
    if (t >= endSec) break;
    // A cheap "test" charge often opens the burst, before the big ones.
    const testCharge = k === 0 && rng.next() < 0.35;
    const category = testCharge ? rng.pick(['misc_net', 'gas_transport'] as const) : SPARKOV_CATEGORIES[pickIndex(rng, FRAUD_CAT_CUM)];
    const amt = testCharge ? 1 + rng.next() * 9 : fraudAmount(rng, category);
    rows.push(makeRow(rng, card, t, rng.pick(catalogue[category]).name, category, amt, where, 1));
    added++;
  }
  return added;
}

function makeRow(
  rng: Rng,
  card: Card,
  t: number,
  merchant: string,
  category: SparkovCategory,
  amt: number,
  near: City,
  isFraud: 0 | 1,
): SparkovRow {
  // Sparkov places merchants uniformly within ±1 degree of the reference point.
  const merchLat = near.lat + (rng.next() * 2 - 1);
  const merchLong = near.long + (rng.next() * 2 - 1);
  return {
    trans_date_trans_time: new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' '),
    cc_num: card.ccNum,
    merchant,
    category,
    amt: round(Math.max(1, amt), 2),
    first: card.first,
    last: card.last,
    gender: card.gender,
    street: card.street,
    city: card.home.city,
    state: card.home.state,
    zip: card.home.zip,
    lat: card.home.lat,
    long: card.home.long,
    city_pop: card.home.pop,
    job: card.job,
    dob: card.dob,
    trans_num: hex32(rng),
    unix_time: t,
    merch_lat: round(merchLat, 6),
    merch_long: round(merchLong, 6),
    is_fraud: isFraud,
  };
}

function legitAmount(rng: Rng, category: SparkovCategory, spend: number): number {
  const p = CATEGORY_PROFILES[category];
  if (rng.next() < p.small) return 1 + rng.next() * 12;
  return Math.min(4000, p.median * spend * Math.exp(p.sigma * rng.normal()));
}

function fraudAmount(rng: Rng, category: SparkovCategory): number {
  const range = FRAUD_AMOUNT[category];
  if (range) return range[0] + rng.next() * (range[1] - range[0]);
  // Other categories: mostly mid-size, sometimes small (harder to spot by amount).
  return rng.next() < 0.4 ? 1 + rng.next() * 25 : 150 + rng.next() * 700;
}
