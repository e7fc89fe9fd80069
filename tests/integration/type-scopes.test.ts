// The type pickers' services on real ingested events: which scopes a page can pick (scope-options), and
// every type's volume and flag rate over the last 14 UTC days and today (type-volumes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrders, ORDER_EVENT_TYPE, type Order } from '@/lib/demo/orders';
import { db } from '@/lib/server/platform/db';
import { createEventType } from '@/lib/server/events';
import { scopeOptions } from '@/lib/server/events/scope-options';
import { typeVolumes, volumeWindows } from '@/lib/server/monitoring/type-volumes';
import { ingestOrders, orderModel, timeOf } from './event-fixtures';
import { unique } from './helpers';

const DAY = 86_400_000;
// Orders span January 2026; "now" is mid-month so the 14-day window cuts through them.
const NOW = new Date(Date.UTC(2026, 0, 22, 15, 30));
// Card and email rows go to a month no other test writes to, so their counts are exact.
const LEGACY_NOW = new Date(Date.UTC(2031, 2, 10, 9));
const FLAGS = ['allow', 'allow', 'allow', 'review', 'block', null] as const;

let scored = '', unscored = '', modelOnly = '', scoredVersion = '';
let scoredOrders: Order[] = [], unscoredOrders: Order[] = [];
const legacyPrefix = unique('scope-legacy');

/** What the service should say for a type, counted in JS from the stored rows. */
async function expectedEventVolumes(type: string, now: Date) {
  const rows = await db().event.findMany({ where: { eventType: type }, select: { occurredAt: true, decision: true } });
  const w = volumeWindows(now);
  const within = (d: Date, r: { gte: Date; lt: Date }) => d >= r.gte && d < r.lt;
  const count = (r: { gte: Date; lt: Date }) => {
    const inside = rows.filter((x) => within(x.occurredAt, r));
    const flagged = inside.filter((x) => x.decision === 'review' || x.decision === 'block').length;
    return { total: inside.length, flagged, flagRate: inside.length ? flagged / inside.length : null };
  };
  const daily = Array.from({ length: 14 }, (_, i) => {
    const gte = new Date(w.last14.gte.getTime() + i * DAY);
    const { total, flagged } = count({ gte, lt: new Date(gte.getTime() + DAY) });
    return { day: gte.toISOString().slice(0, 10), total, flagged };
  });
  return { total: rows.length, last14: count(w.last14), today: count(w.today), daily };
}

beforeAll(async () => {
  scoredOrders = generateOrders({ customers: 600, orders: 3000, bursts: 40, seed: 21 });
  ({ type: scored, versionId: scoredVersion } = await orderModel('scope_scored', { orders: scoredOrders }));
  await ingestOrders(scored, scoredOrders);
  unscored = unique('scope_plain').replace(/-/g, '_');
  await createEventType({ ...ORDER_EVENT_TYPE, name: unscored }, null);
  unscoredOrders = generateOrders({ customers: 300, orders: 1500, bursts: 10, seed: 22 });
  await ingestOrders(unscored, unscoredOrders);
  ({ type: modelOnly } = await orderModel('scope_model_only', { orders: scoredOrders.slice(0, 2000) }));
  // Card and email events over the 20 UTC days up to LEGACY_NOW's: 120 cards a day (40 flagged), 30 emails a day (8 flagged).
  const start = LEGACY_NOW.getTime() - 19 * DAY;
  const cards = Array.from({ length: 2400 }, (_, i) => ({
    eventType: 'card_transaction', typeVersion: 1, externalId: `${legacyPrefix}-c${i}`, occurredAt: new Date(start + (i % 20) * DAY + 3_600_000), amount: 10 + (i % 90),
    payload: { cc_num: `card${i % 50}` }, decision: FLAGS[Math.floor(i / 20) % FLAGS.length], score: (i % 100) / 100,
  }));
  const emails = Array.from({ length: 600 }, (_, i) => ({
    eventType: 'email', typeVersion: 1, externalId: `${legacyPrefix}-e${i}`, occurredAt: new Date(start + (i % 20) * DAY + 7_200_000),
    payload: { email: `u${i}@x.test` }, decision: Math.floor(i / 20) % 4 === 0 ? 'review' : 'allow', score: (i % 100) / 100,
  }));
  await db().event.createMany({ data: cards });
  await db().event.createMany({ data: emails });
}, 300_000);

afterAll(async () => {
  await db().event.deleteMany({ where: { externalId: { startsWith: legacyPrefix } } });
});

describe('scope options', () => {
  it('lists every event type with events or a model (card payments and email checks among them), with counts and serving flags', async () => {
    const options = await scopeOptions();
    const names = options.map((o) => o.scope.eventType);
    expect(names).toEqual([...names].sort());
    const find = (type: string) => options.find((o) => o.scope.eventType === type);
    expect(find(scored)).toMatchObject({ items: scoredOrders.length, hasProduction: true, productionId: scoredVersion, hasShadow: false });
    expect(find(unscored)).toMatchObject({ items: unscoredOrders.length, hasProduction: false, productionId: null });
    expect(find(modelOnly)).toMatchObject({ items: 0, hasProduction: true });
    expect(find('card_transaction')!.items).toBe(await db().event.count({ where: { eventType: 'card_transaction' } }));
    expect(find('email')!.items).toBe(await db().event.count({ where: { eventType: 'email' } }));
    expect(find('card_transaction')!.items).toBeGreaterThanOrEqual(2400);
    expect(find('email')!.items).toBeGreaterThanOrEqual(600);
  });
});

describe('type volumes', () => {
  it('counts events and flags per type over the last 14 UTC days and today', async () => {
    const volumes = await typeVolumes(NOW);
    const of = (type: string) => volumes.find((v) => v.scope.eventType === type);
    const a = await expectedEventVolumes(scored, NOW);
    // The window cuts the month: some events fall outside it, and today holds some.
    expect(a.last14.total).toBeGreaterThan(500);
    expect(a.last14.total).toBeLessThan(a.total);
    expect(a.today.total).toBeGreaterThan(0);
    expect(a.last14.flagged).toBeGreaterThan(0);
    expect(of(scored)).toEqual({ scope: { eventType: scored }, last14: a.last14, today: a.today, daily: a.daily });
    expect(a.daily.filter((d) => d.total > 0).length).toBe(14);
    // In JS too, from the orders themselves: the window holds exactly the orders timed inside it.
    const w = volumeWindows(NOW);
    expect(a.last14.total).toBe(scoredOrders.filter((o) => timeOf(o) * 1000 >= w.last14.gte.getTime() && timeOf(o) * 1000 < w.last14.lt.getTime()).length);
    const b = await expectedEventVolumes(unscored, NOW);
    expect(of(unscored)).toEqual({ scope: { eventType: unscored }, last14: b.last14, today: b.today, daily: b.daily });
    expect(b.last14.flagged).toBe(0);
    // A type without events in the window is not listed.
    expect(of(modelOnly)).toBeUndefined();
  });

  it('counts card payments and email checks apart', async () => {
    const volumes = await typeVolumes(LEGACY_NOW);
    const kind = (k: string) => volumes.find((v) => v.scope.eventType === ({ transaction: 'card_transaction', email: 'email' } as Record<string, string>)[k])!;
    // 20 days of rows, 14 of them in the window; null decisions count as traffic, not flags.
    expect(kind('transaction').last14).toEqual({ total: 14 * 120, flagged: 14 * 40, flagRate: 40 / 120 });
    expect(kind('transaction').today).toEqual({ total: 120, flagged: 40, flagRate: 40 / 120 });
    expect(kind('email').last14).toEqual({ total: 14 * 30, flagged: 14 * 8, flagRate: 8 / 30 });
    expect(kind('email').today).toEqual({ total: 30, flagged: 8, flagRate: 8 / 30 });
    expect(kind('transaction').daily.map((d) => d.total)).toEqual(Array(14).fill(120));
    expect(kind('email').daily.at(-1)).toEqual({ day: '2031-03-10', total: 30, flagged: 8 });
  });
});
