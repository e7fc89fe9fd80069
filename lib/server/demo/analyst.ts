// The demo analyst's past work: on each earlier day, type by type, they worked part of the flagged items,
// riskiest first, and a QA sample of allowed ones, through the same label service the queue uses. Older days
// are half done, yesterday a fifth and today untouched, so the queue still holds a working day or two.
// They mostly agree with the generator's truth (a few honest mistakes). A day's labels are then dated to
// when they worked it, the next morning (the services stamp "now"): one update per day and table. The
// alerts of the items they worked are acknowledged.
import { createRng, type Rng } from '@/lib/ml/rng';
import type { Label } from '@/lib/schemas/reviews';
import { acknowledgeAlert } from '../alerts/alerts';
import { db } from '../platform/db';
import { labelEvent } from '../events';
import type { Principal } from '../access/principal';
import { getMonitorSettings } from '../monitoring/monitor-settings';
import { DAY_MS, type TrafficPlan } from './traffic-plan';

const FLAGGED = ['review', 'block'];
const MISTAKE_RATE = 0.03;
const TYPES = ['card_transaction', 'email', 'registration'] as const;

/** Share of a day's flagged items worked, by the day's age (0 = today). */
const workedShare = (age: number) => (age === 0 ? 0 : age === 1 ? 0.2 : age === 2 ? 0.35 : 0.5);

type Item = { id: string; externalId: string; payload: unknown; version: number };

/** The generator's truth of one of the demo's own items; undefined for anything else in the window. */
function truthOf(plan: TrafficPlan, type: (typeof TYPES)[number], item: Item): 0 | 1 | undefined {
  if (type === 'email') return plan.fraud.emails.get(String((item.payload as { email?: unknown }).email));
  return (type === 'card_transaction' ? plan.fraud.cards : plan.fraud.signUps).get(item.externalId);
}

export async function workPastDays(plan: TrafficPlan, analyst: Principal, now: Date) {
  const rng = createRng(77);
  let labels = 0;
  const minLabels: Record<string, number> = {};
  for (const type of TYPES) minLabels[type] = (await getMonitorSettings(`event:${type}`)).minLabels;
  for (const day of plan.days) {
    const age = Math.round((Math.floor(now.getTime() / DAY_MS) * DAY_MS - day.start.getTime()) / DAY_MS);
    const share = workedShare(age);
    if (!share) continue;
    const labelledAt = workedAt(day.start, now);
    for (const type of TYPES) labels += await workDay(plan, type, day.start, { share, minLabels: minLabels[type], labelledAt }, analyst, rng);
  }
  return labels;
}

/**
 * One type's day: the riskiest `share` of its flagged items, then a QA sample of allowed ones. The sample tops
 * a day worked at least half up to the performance chart's minimum of labels, so realised precision and recall
 * show beside the estimates (recall needs labelled allowed items anyway); other days get a couple.
 */
async function workDay(
  plan: TrafficPlan, type: (typeof TYPES)[number], start: Date,
  { share, minLabels, labelledAt }: { share: number; minLabels: number; labelledAt: Date }, analyst: Principal, rng: Rng,
) {
  const where = { eventType: type, occurredAt: { gte: start, lt: new Date(start.getTime() + DAY_MS) }, label: null };
  const select = { id: true, externalId: true, payload: true, version: true } as const;
  const ours = (rows: Item[]) => rows.filter((t) => truthOf(plan, type, t) !== undefined);
  const flagged = ours(await db().event.findMany({ where: { ...where, decision: { in: FLAGGED } }, orderBy: [{ score: 'desc' }, { id: 'asc' }], select }));
  const allowed = ours(await db().event.findMany({ where: { ...where, decision: 'allow' }, orderBy: { id: 'asc' }, select, take: 500 }));
  const worked = flagged.slice(0, Math.round(flagged.length * share));
  const sample = share >= 0.5 ? Math.max(2, minLabels + 2 - worked.length) : 2;
  const items = [...worked, ...rng.shuffle(allowed).slice(0, sample)];
  for (const t of items) await labelEvent(t.id, { label: judge(rng, truthOf(plan, type, t)!), version: t.version }, analyst);
  await db().event.updateMany({ where: { id: { in: items.map((t) => t.id) } }, data: { labelledAt } });
  // A worked item's alert is acknowledged too: the open alerts are the ones nobody has seen.
  const alerts = await db().alert.findMany({ where: { eventId: { in: items.map((t) => t.id) }, acknowledgedAt: null }, select: { id: true } });
  for (const a of alerts) await acknowledgeAlert(a.id, analyst);
  return items.length;
}

function judge(rng: Rng, truth: 0 | 1): Label {
  const right = rng.next() >= MISTAKE_RATE;
  return (truth === 1) === right ? 'fraud' : 'legit';
}

/** 09:30 UTC the next morning, never in the future. */
const workedAt = (dayStart: Date, now: Date) => new Date(Math.min(now.getTime(), dayStart.getTime() + DAY_MS + 9.5 * 3_600_000));
