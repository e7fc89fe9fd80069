// The demo analyst's past work: on each earlier day they worked part of the flagged items, riskiest first,
// and spot-checked a few allowed ones, through the same label services the queue uses. Older days are
// half done, yesterday a fifth and today untouched, so the queue still holds a working day or two.
// They mostly agree with the generator's truth (a few honest mistakes). A day's labels are then dated to
// when they worked it, the next morning (the services stamp "now"): one update per day and table. The
// alerts of the items they worked are acknowledged.
import { createRng, type Rng } from '@/lib/ml/rng';
import type { Label } from '@/lib/schemas/reviews';
import { acknowledgeAlert } from '../alerts/alerts';
import { db } from '../platform/db';
import { labelEvent } from '../events';
import type { Principal } from '../access/principal';
import { labelTransaction } from '../compat/transactions-read';
import { DAY_MS, type TrafficPlan } from './traffic-plan';

const FLAGGED = ['review', 'block'];
const SPOT_CHECKS_PER_DAY = 2;
const MISTAKE_RATE = 0.03;

/** Share of a day's flagged items worked, by the day's age (0 = today). */
const workedShare = (age: number) => (age === 0 ? 0 : age === 1 ? 0.2 : age === 2 ? 0.35 : 0.5);

export async function workPastDays(plan: TrafficPlan, analyst: Principal, now: Date) {
  const rng = createRng(77);
  let labels = 0;
  for (const day of plan.days) {
    const age = Math.round((Math.floor(now.getTime() / DAY_MS) * DAY_MS - day.start.getTime()) / DAY_MS);
    const share = workedShare(age);
    if (!share) continue;
    const occurredAt = { gte: day.start, lt: new Date(day.start.getTime() + DAY_MS) };
    // Only the demo's own items: the truth is known for them, and anything else in the window is not ours.
    type Item = { externalId: string; eventType: string; payload: unknown };
    const truthOf = (t: Item) => (t.eventType === 'email' ? plan.fraud.emails.get(String((t.payload as { email?: unknown }).email)) : plan.fraud.cards.get(t.externalId));
    const ours = <T extends Item>(rows: T[]) => rows.filter((t) => truthOf(t) !== undefined);

    const select = { id: true, externalId: true, eventType: true, payload: true, version: true } as const;
    const cardsAndEmails = { eventType: { in: ['card_transaction', 'email'] }, occurredAt, label: null };
    const flagged = ours(await db().event.findMany({ where: { ...cardsAndEmails, decision: { in: FLAGGED } }, orderBy: [{ score: 'desc' }, { id: 'asc' }], select }));
    const allowed = ours(await db().event.findMany({ where: { ...cardsAndEmails, decision: 'allow' }, orderBy: { id: 'asc' }, select, take: 200 }));
    const items = [...flagged.slice(0, Math.round(flagged.length * share)), ...rng.shuffle(allowed).slice(0, SPOT_CHECKS_PER_DAY)];
    for (const t of items) await labelTransaction(t.id, judge(rng, truthOf(t)!), t.version, analyst);
    const labelledAt = workedAt(day.start, now);
    await db().event.updateMany({ where: { id: { in: items.map((t) => t.id) } }, data: { labelledAt } });
    labels += items.length;
    // A worked item's high-risk alert is acknowledged too: the open alerts are the ones nobody has seen.
    const alerts = await db().alert.findMany({ where: { eventId: { in: items.map((t) => t.id) }, acknowledgedAt: null }, select: { id: true } });
    for (const a of alerts) await acknowledgeAlert(a.id, analyst);

    const events = await db().event.findMany({
      where: { eventType: 'registration', occurredAt, decision: { in: FLAGGED }, label: null },
      orderBy: [{ score: 'desc' }, { id: 'asc' }], select: { id: true, externalId: true, version: true },
    });
    const ourEvents = events.filter((e) => plan.fraud.signUps.has(e.externalId));
    const worked = ourEvents.slice(0, Math.round(ourEvents.length * share));
    for (const e of worked) await labelEvent(e.id, { label: judge(rng, plan.fraud.signUps.get(e.externalId)!), version: e.version }, analyst);
    await db().event.updateMany({ where: { id: { in: worked.map((e) => e.id) } }, data: { labelledAt } });
    labels += worked.length;
  }
  return labels;
}

function judge(rng: Rng, truth: 0 | 1): Label {
  const right = rng.next() >= MISTAKE_RATE;
  return (truth === 1) === right ? 'fraud' : 'legit';
}

/** 09:30 UTC the next morning, never in the future. */
const workedAt = (dayStart: Date, now: Date) => new Date(Math.min(now.getTime(), dayStart.getTime() + DAY_MS + 9.5 * 3_600_000));
