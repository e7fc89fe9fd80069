// Email checks as a sign-up form would send them over the days: addresses from the email generator,
// at times following the weekday and hour profile.
import { createRng } from '../ml/rng';
import { generateEmails } from './emails';
import { DAY_SECONDS, dailyCount, timesInDay } from './timing';

export interface EmailCheck {
  email: string;
  /** 1 = fraud. */
  label: 0 | 1;
  /** Epoch seconds. */
  at: number;
}

export function generateEmailChecks({ days = 14, start = Date.UTC(2026, 0, 1), perDay = 150, fraudRate = 0.12, seed = 42 } = {}): EmailCheck[] {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  const rng = createRng(seed);
  const startSec = Math.floor(start / 1000);
  const times: number[] = [];
  for (let d = 0; d < days; d++) {
    const dayStart = startSec + d * DAY_SECONDS;
    for (const t of timesInDay(rng, dayStart, dailyCount(rng, dayStart, perDay))) times.push(t);
  }
  const emails = rng.shuffle(generateEmails({ count: times.length, fraudRate, seed: seed + 1 }));
  return times.map((at, i) => ({ email: emails[i].email, label: emails[i].label, at }));
}
