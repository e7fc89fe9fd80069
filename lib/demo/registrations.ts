// Sign-ups in the shape of the built-in `registration` event type (email + IP), with a fraud label.
// Fraud comes mostly in rings: one hosting-range IP signs up many throwaway addresses within minutes.
// Some fraud is a lone sign-up, and some honest people share an IP (offices, campuses, mobile carriers),
// so neither the address nor the IP count alone separates the classes.
import { createRng, type Rng } from '../ml/rng';
import { generateEmails } from './emails';
import { DAY_SECONDS, dailyCount, nightHour, timesInDay } from './timing';

export interface Registration {
  EVENT_ID: string;
  /** ISO-8601, UTC, whole seconds. */
  EVENT_TIMESTAMP: string;
  ip_address: string;
  email_address: string;
  is_fraud: 0 | 1;
}

export interface RegistrationOptions {
  days?: number;
  /** Epoch milliseconds of the first day (UTC midnight recommended). */
  start?: number;
  /** Honest sign-ups on an average weekday. */
  perDay?: number;
  /** Fraud rows as a share of all rows, in [0, 1). */
  fraudRate?: number;
  seed?: number;
  /** Prefix of EVENT_ID, so two generated sets never share ids. */
  idPrefix?: string;
}

// First octets of consumer ISP ranges and of hosting ranges (where bots rent their addresses).
const ISP_OCTETS = [24, 50, 66, 68, 71, 73, 76, 98, 99, 107, 108, 174] as const;
const HOSTING_OCTETS = [45, 91, 103, 146, 185, 193, 194] as const;
const SHARED_IPS = 40;

const octet = (rng: Rng) => 1 + rng.int(254);
const ipIn = (rng: Rng, first: number) => `${first}.${rng.int(256)}.${rng.int(256)}.${octet(rng)}`;

export function generateRegistrations(opts: RegistrationOptions = {}): Registration[] {
  const { days = 14, start = Date.UTC(2026, 0, 1), perDay = 300, fraudRate = 0.08, seed = 42, idPrefix = 'reg' } = opts;
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  if (!(fraudRate >= 0 && fraudRate < 1)) throw new RangeError('fraudRate must be in [0, 1)');
  if (!(perDay >= 0)) throw new RangeError('perDay must be non-negative');
  const rng = createRng(seed);
  const startSec = Math.floor(start / 1000);
  const shared = Array.from({ length: SHARED_IPS }, () => ipIn(rng, rng.pick(ISP_OCTETS)));
  const legit: { t: number; ip: string }[] = [];
  for (let d = 0; d < days; d++) {
    const dayStart = startSec + d * DAY_SECONDS;
    for (const t of timesInDay(rng, dayStart, dailyCount(rng, dayStart, perDay))) {
      const ip = rng.next() < 0.15 ? rng.pick(shared) : ipIn(rng, rng.pick(ISP_OCTETS));
      legit.push({ t, ip });
      // Now and then a household or team signs up together: a small honest burst from one IP.
      if (rng.next() < 0.03) for (let k = 1 + rng.int(3); k > 0; k--) legit.push({ t: Math.min(t + rng.int(1800), dayStart + DAY_SECONDS - 1), ip });
    }
  }
  const fraudWanted = Math.round((fraudRate * legit.length) / (1 - fraudRate));
  const fraud = fraudRows(rng, fraudWanted, days, startSec);
  // Addresses in the style of the email generator: name-like for honest people, random-looking for fraud;
  // over a third of the fraud uses a name-like address, so the ring's IP has to carry the signal.
  const legitEmails = generateEmails({ count: legit.length, fraudRate: 0, seed: seed + 1 });
  const fraudEmails = generateEmails({ count: fraud.length, fraudRate: 0.6, seed: seed + 2 });
  const rows = [
    ...legit.map((r, i) => ({ ...r, email: legitEmails[i].email, fraud: 0 as const })),
    ...fraud.map((r, i) => ({ ...r, email: fraudEmails[i].email, fraud: 1 as const })),
  ].sort((a, b) => a.t - b.t || a.ip.localeCompare(b.ip) || a.email.localeCompare(b.email));
  return rows.map((r, i) => ({
    EVENT_ID: `${idPrefix}-${i}`,
    EVENT_TIMESTAMP: new Date(r.t * 1000).toISOString().replace('.000Z', 'Z'),
    ip_address: r.ip,
    email_address: r.email,
    is_fraud: r.fraud,
  }));
}

/** Rings of 4–24 sign-ups from one IP within minutes, and about a fifth lone sign-ups. */
function fraudRows(rng: Rng, wanted: number, days: number, startSec: number): { t: number; ip: string }[] {
  const out: { t: number; ip: string }[] = [];
  while (out.length < wanted && days > 0) {
    const dayStart = startSec + rng.int(days) * DAY_SECONDS;
    let t = dayStart + nightHour(rng) * 3600 + rng.int(3600);
    // Most rings rent hosting addresses; some go through residential proxies that look like anyone's.
    const ip = ipIn(rng, rng.next() < 0.7 ? rng.pick(HOSTING_OCTETS) : rng.pick(ISP_OCTETS));
    const size = rng.next() < 0.2 ? 1 : Math.min(wanted - out.length, 4 + rng.int(21));
    for (let k = 0; k < size; k++, t += 5 + rng.int(240)) out.push({ t: Math.min(t, dayStart + DAY_SECONDS - 1), ip });
  }
  return out;
}
