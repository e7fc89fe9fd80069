// When demo traffic happens: a weekday rhythm (quieter weekends for sign-ups and checks) and an hour
// profile (quiet nights, busy afternoons). Pure, driven by a seeded Rng.
import type { Rng } from '../ml/rng';
import { cumulative, pickIndex } from './sampling';

export const DAY_SECONDS = 86_400;

// Share of a day's traffic per UTC hour.
const HOURS = cumulative([
  0.2, 0.15, 0.12, 0.12, 0.15, 0.25, 0.45, 0.8, 1.1, 1.3, 1.4, 1.45,
  1.5, 1.5, 1.45, 1.4, 1.4, 1.45, 1.5, 1.4, 1.2, 0.9, 0.6, 0.35,
]);
// Sunday … Saturday.
const WEEKDAY_FACTOR = [0.7, 1.05, 1.1, 1.05, 1, 0.95, 0.75] as const;

/** How many items fall on a day starting at `dayStartSec`, around `perDay` on an average weekday. */
export function dailyCount(rng: Rng, dayStartSec: number, perDay: number): number {
  const dow = new Date(dayStartSec * 1000).getUTCDay();
  return Math.max(0, Math.round(perDay * WEEKDAY_FACTOR[dow] * (0.9 + 0.2 * rng.next())));
}

/** `n` times (epoch seconds) within the day, following the hour profile, ascending. */
export function timesInDay(rng: Rng, dayStartSec: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(dayStartSec + pickIndex(rng, HOURS) * 3600 + rng.int(3600));
  return out.sort((a, b) => a - b);
}

/** A night-leaning hour (fraud rings work while the victims sleep), sometimes any hour. */
export function nightHour(rng: Rng): number {
  return rng.next() < 0.7 ? (22 + rng.int(6)) % 24 : rng.int(24);
}
