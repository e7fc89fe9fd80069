// Card-holder profiles for the transaction generator: identity, home, habits, card number.
import type { Rng } from '../ml/rng';
import { SPARKOV_CATEGORIES } from '../ml/events/seed-shapes';
import { CATEGORY_PROFILES } from './merchants';
import { FEMALE_FIRST_NAMES, JOBS, LAST_NAMES, MALE_FIRST_NAMES, STREET_SUFFIXES } from './names';
import { CITIES, type City } from './places';
import { cumulative, pickIndex } from './sampling';

const DAY = 86_400;

export interface Card {
  ccNum: string;
  first: string;
  last: string;
  gender: 'F' | 'M';
  street: string;
  home: City;
  job: string;
  dob: string;
  /** Multiplier on every legitimate amount: some people spend more. */
  spend: number;
  /** Mean legitimate transactions per day. */
  rate: number;
  /** Cumulative category weights: each card has its own habits. */
  catCum: number[];
  nightOwl: boolean;
  /** A legitimate trip (the main false-positive source for distance features). */
  trip?: { city: City; from: number; to: number };
}

// [first digits, length, weight]: a Sparkov-like mix of Visa, Mastercard, Amex, Diners, Maestro…
const CARD_NETWORKS: readonly (readonly [readonly string[], number, number])[] = [
  [['4'], 16, 35],
  [['4'], 19, 8],
  [['4'], 13, 5],
  [['51', '52', '53', '54', '55'], 16, 15],
  [['2221', '2300', '2500', '2720'], 16, 5],
  [['34', '37'], 15, 12],
  [['6011'], 16, 8],
  [['3528', '3589'], 16, 5],
  [['30', '36', '38'], 14, 7],
  [['50', '56', '57', '58'], 12, 5],
];
const NETWORK_CUM = cumulative(CARD_NETWORKS.map((n) => n[2]));

export function makeCards(rng: Rng, n: number, days: number, startSec: number): Card[] {
  const used = new Set<string>();
  const cards: Card[] = [];
  const base = SPARKOV_CATEGORIES.map((c) => CATEGORY_PROFILES[c].weight);
  for (let i = 0; i < n; i++) {
    let ccNum = cardNumber(rng);
    while (used.has(ccNum)) ccNum = cardNumber(rng);
    used.add(ccNum);
    const gender = rng.next() < 0.55 ? 'F' : 'M';
    const home = rng.pick(CITIES);
    // Habits: every category jittered, two favourites boosted.
    const w = base.map((b) => b * Math.exp(0.6 * rng.normal()));
    for (let f = 0; f < 2; f++) w[rng.int(w.length)] *= 3;
    const age = Math.min(92, Math.max(18, 46 + 16 * rng.normal()));
    const dobMs = (startSec - age * 365.25 * DAY) * 1000;
    const tripLen = 2 + rng.int(5);
    const tripFrom = days > tripLen && rng.next() < 0.1 ? rng.int(days - tripLen) : -1;
    cards.push({
      ccNum,
      first: rng.pick(gender === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
      last: rng.pick(LAST_NAMES),
      gender,
      street: street(rng),
      home,
      job: rng.pick(JOBS),
      dob: new Date(dobMs).toISOString().slice(0, 10),
      spend: Math.exp(0.35 * rng.normal()),
      rate: Math.min(6, 1.6 * Math.exp(0.5 * rng.normal())),
      catCum: cumulative(w),
      nightOwl: rng.next() < 0.06,
      trip: tripFrom >= 0 ? { city: farCity(rng, home), from: tripFrom, to: tripFrom + tripLen } : undefined,
    });
  }
  return cards;
}

/** A city more than ~8 degrees away: what "far from home" means here. */
export function farCity(rng: Rng, home: City): City {
  let c = rng.pick(CITIES);
  // Bounded, though the city list always has far candidates.
  for (let i = 0; i < 1000 && Math.hypot(c.lat - home.lat, c.long - home.long) <= 8; i++) c = rng.pick(CITIES);
  return c;
}

function street(rng: Rng): string {
  const num = String(1 + rng.int(10 ** (1 + rng.int(5)) - 1));
  const name = rng.pick(rng.next() < 0.5 ? LAST_NAMES : rng.next() < 0.5 ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const r = rng.next();
  const unit = r < 0.15 ? ` Apt. ${100 + rng.int(900)}` : r < 0.25 ? ` Suite ${100 + rng.int(900)}` : '';
  return `${num} ${name} ${rng.pick(STREET_SUFFIXES)}${unit}`;
}

/** A Luhn-valid card number from a weighted network table. */
function cardNumber(rng: Rng): string {
  const [prefixes, length] = CARD_NETWORKS[pickIndex(rng, NETWORK_CUM)];
  let digits = rng.pick(prefixes);
  while (digits.length < length - 1) digits += String(rng.int(10));
  return digits + luhnDigit(digits);
}

function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = body.charCodeAt(i) - 48;
    if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
