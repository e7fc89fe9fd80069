// What the live demo sends, generated up front and split by day: card payments, email checks and sign-ups
// over the `days` UTC days ending with today (today only up to `now`). Ground truth stays here; what is
// sent carries no label, as a client's traffic would not.
import { generateEmailChecks, type EmailCheck } from '@/lib/demo/email-checks';
import { generateRegistrations, type Registration } from '@/lib/demo/registrations';
import { generateTransactions, type SparkovRow } from '@/lib/demo/transactions';
import { DAY_MS } from '../platform/days';

export { DAY_MS };

/** Volumes on an average weekday at scale 1: sized so seeding 14 days stays well inside a minute. */
export const DEMO_VOLUME = { cardsInUse: 320, emailChecksPerDay: 70, signUpsPerDay: 180 } as const;

export interface DayPlan {
  start: Date;
  cards: Omit<SparkovRow, 'is_fraud'>[];
  emails: Omit<EmailCheck, 'label'>[];
  signUps: Omit<Registration, 'is_fraud'>[];
}

export interface TrafficPlan {
  windowStart: number;
  days: DayPlan[];
  /** Ground truth by external id (trans_num, EVENT_ID) and by address for email checks. */
  fraud: { cards: Map<string, 0 | 1>; emails: Map<string, 0 | 1>; signUps: Map<string, 0 | 1> };
}

export function planTraffic({ days, now, scale = 1, seed = 21 }: { days: number; now: Date; scale?: number; seed?: number }): TrafficPlan {
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new RangeError('days must be an integer from 1 to 90');
  if (!(scale > 0 && scale <= 10)) throw new RangeError('scale must be in (0, 10]');
  const windowStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const nowSec = now.getTime() / 1000;
  const cards = generateTransactions({ cards: Math.max(1, Math.round(DEMO_VOLUME.cardsInUse * scale)), days, seed, start: windowStart, fraudRate: 0.03 })
    .filter((r) => r.unix_time <= nowSec);
  const emails = generateEmailChecks({ days, start: windowStart, perDay: DEMO_VOLUME.emailChecksPerDay * scale, fraudRate: 0.15, seed: seed + 1 })
    .filter((e) => e.at <= nowSec);
  const signUps = generateRegistrations({ days, start: windowStart, perDay: DEMO_VOLUME.signUpsPerDay * scale, fraudRate: 0.08, seed: seed + 2, idPrefix: `demo-reg-${seed}` })
    .filter((r) => Date.parse(r.EVENT_TIMESTAMP) <= now.getTime());
  const plan: DayPlan[] = Array.from({ length: days }, (_, d) => ({ start: new Date(windowStart + d * DAY_MS), cards: [], emails: [], signUps: [] }));
  const dayOf = (ms: number) => Math.floor((ms - windowStart) / DAY_MS);
  const fraud = { cards: new Map<string, 0 | 1>(), emails: new Map<string, 0 | 1>(), signUps: new Map<string, 0 | 1>() };
  for (const { is_fraud, ...generated } of cards) {
    // Ids of its own: other generated card rows (a shared database, a user's own tries) are never its duplicates.
    const row = { ...generated, trans_num: `demo-${generated.trans_num}` };
    plan[dayOf(row.unix_time * 1000)].cards.push(row);
    fraud.cards.set(row.trans_num, is_fraud);
  }
  for (const { label, ...check } of emails) {
    plan[dayOf(check.at * 1000)].emails.push(check);
    fraud.emails.set(check.email, label);
  }
  for (const { is_fraud, ...row } of signUps) {
    plan[dayOf(Date.parse(row.EVENT_TIMESTAMP))].signUps.push(row);
    fraud.signUps.set(row.EVENT_ID, is_fraud);
  }
  return { windowStart, days: plan, fraud };
}
