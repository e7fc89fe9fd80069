// The live demo: after seedDemo, seedDemoTraffic sends days of card payments, email checks and sign-ups
// through the ingestion services, stages a challenger, labels past days and snapshots drift per day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as reviewQueue from '@/app/api/review/queue/route';
import { db } from '@/lib/server/platform/db';
import { DEMO_MODELS } from '@/lib/server/demo/names';
import { sendTrickle, startDemoTrickle } from '@/lib/server/demo/trickle';
import { demoAnalyst, seedDemoTraffic } from '@/lib/server/demo/traffic';
import { setStage } from '@/lib/server/registry/models';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { seedDemo } from '@/lib/server/demo/seed';
import { DEMO_USERS } from '@/lib/server/access/users';
import { performanceSeries } from '@/lib/server/monitoring/performance';
import { params, request, tokenFor } from './helpers';

const DAY = 86_400_000;
const DAYS = 4;
// The window ends one second before today: DAYS complete UTC days, whatever the clock says.
const NOW = new Date(Math.floor(Date.now() / DAY) * DAY - 1000);
const FIRST_DAY = NOW.getTime() - (DAYS - 1) * DAY - (NOW.getTime() % DAY);
const dayOf = (d: Date) => Math.floor((d.getTime() - FIRST_DAY) / DAY);
const inWindow = { gte: new Date(FIRST_DAY), lte: NOW };

let summary: Awaited<ReturnType<typeof seedDemoTraffic>>;
const started = new Date();

beforeAll(async () => {
  // Another suite may have seeded this run's database already: seedDemo is then a no-op.
  await seedDemo();
  summary = await seedDemoTraffic({ days: DAYS, now: NOW, scale: 0.25 });
});

afterAll(async () => {
  // Later suites share this database: take the demo's challenger and sign-up model out of service.
  for (const id of [summary?.shadowVersionId, summary?.registrationVersionId]) if (id) await setStage(id, 'archived', 'demo traffic test done', null);
  resetScoringCache();
});

describe('demo traffic', () => {
  it('stores card payments, email checks and sign-ups on each day, scored by the serving models', async () => {
    const perDay = (rows: { occurredAt: Date }[]) => new Set(rows.map((r) => dayOf(r.occurredAt)));
    const cards = await db().event.findMany({ where: { eventType: 'card_transaction', occurredAt: inWindow, score: { not: null } }, select: { occurredAt: true } });
    const emails = await db().event.findMany({ where: { eventType: 'email', occurredAt: inWindow, score: { not: null } }, select: { occurredAt: true } });
    const signUps = await db().event.findMany({ where: { eventType: 'registration', occurredAt: inWindow, modelVersionId: summary.registrationVersionId }, select: { occurredAt: true } });
    for (const rows of [cards, emails, signUps]) expect([...perDay(rows)].sort()).toEqual([0, 1, 2, 3]);
    expect(cards.length).toBeGreaterThanOrEqual(summary.cards);
    expect(signUps.length).toBe(summary.signUps);
    expect(summary.cards).toBeGreaterThan(DAYS * 100);
    expect(summary.emailChecks).toBeGreaterThan(DAYS * 10);
    expect(summary.signUps).toBeGreaterThan(DAYS * 30);
  });

  it('leaves a review queue to work, for transactions and for sign-ups', async () => {
    const viewer = await tokenFor('viewer');
    const tx = await (await reviewQueue.GET(request('GET', '/api/review/queue?limit=200', { token: viewer }), params({}))).json();
    expect(tx.total).toBeGreaterThan(0);
    expect(tx.items.some((i: { occurredAt: string }) => new Date(i.occurredAt) >= new Date(FIRST_DAY))).toBe(true);
    const reg = await (await reviewQueue.GET(request('GET', '/api/review/queue?type=registration', { token: viewer }), params({}))).json();
    expect(reg.items.length).toBeGreaterThan(0);
  });

  it('has the demo analyst labels on past days (not today), mostly agreeing with the truth', async () => {
    const analyst = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((u) => u.role === 'analyst')!.email } });
    const where = { labelledById: analyst.id, occurredAt: inWindow };
    const labelled = [
      ...(await db().event.findMany({ where: { ...where, eventType: { in: ['card_transaction', 'email'] } }, select: { occurredAt: true, labelledAt: true, label: true, decision: true } })),
      ...(await db().event.findMany({ where: { ...where, eventType: 'registration' }, select: { occurredAt: true, labelledAt: true, label: true, decision: true } })),
    ];
    expect(labelled.length).toBe(summary.labels);
    const days = new Set(labelled.map((l) => dayOf(l.occurredAt)));
    expect(days.size).toBeGreaterThanOrEqual(3);
    expect(days.has(DAYS - 1)).toBe(false); // the last day is "today": left to the analyst
    for (const l of labelled) {
      expect(l.labelledAt!.getTime()).toBeGreaterThan(l.occurredAt.getTime());
      expect(l.labelledAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    // The analyst works flagged items and confirms fraud among them.
    const flagged = labelled.filter((l) => l.decision !== 'allow');
    expect(flagged.filter((l) => l.label === 'fraud').length).toBeGreaterThan(0);
  });

  it('labels enough of a day worked at least half for the performance chart to show realised precision and recall', async () => {
    // Day 0 is three days old: worked half, then topped up with a QA sample of allowed payments.
    const series = await performanceSeries('transaction', { eventType: 'card_transaction', days: DAYS, now: NOW });
    const day0 = series.points[0];
    expect(day0.labels).toBeGreaterThanOrEqual(series.minLabels);
    expect(day0.precision).not.toBeNull();
    expect(day0.recall).not.toBeNull();
  });

  it('records shadow scores from the challenger, raises alerts, and keeps a drift snapshot per day', async () => {
    const shadow = await db().modelVersion.findUniqueOrThrow({ where: { id: summary.shadowVersionId }, select: { stage: true, servingSlot: true, model: { select: { name: true } } } });
    expect(shadow).toMatchObject({ stage: 'shadow', servingSlot: 'event:card_transaction', model: { name: DEMO_MODELS.cardChallenger } });
    expect(await db().event.count({ where: { eventType: 'card_transaction', occurredAt: inWindow, shadowModelVersionId: summary.shadowVersionId, shadowScore: { not: null } } })).toBe(summary.cards);
    expect(await db().alert.count({ where: { type: 'high_risk', createdAt: { gte: started }, acknowledgedAt: null } })).toBeGreaterThan(0);
    // The analyst acknowledged the alerts of the items they worked.
    const analyst = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((u) => u.role === 'analyst')!.email } });
    const acked = await db().alert.findMany({ where: { acknowledgedById: analyst.id, createdAt: { gte: started } }, select: { event: { select: { labelledById: true } } } });
    expect(acked.length).toBeGreaterThan(0);
    expect(acked.every((a) => a.event?.labelledById === analyst.id)).toBe(true);
    const snapshots = await db().driftSnapshot.findMany({ where: { modelVersionId: summary.registrationVersionId, window: 'day' }, select: { windowStart: true } });
    expect(new Set(snapshots.map((s) => dayOf(s.windowStart)))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('trickles live traffic span by span through the same services, with ids of its own', async () => {
    const analyst = await demoAnalyst();
    const noon = FIRST_DAY + (DAYS - 1) * DAY + 12 * 3_600_000;
    const spans = [[noon, noon + 3_600_000], [noon + 3_600_000, noon + 7_200_000]].map(([a, b]) => ({ gt: new Date(a), lte: new Date(b) }));
    for (const span of spans) {
      const cardsBefore = await db().event.count({ where: { eventType: 'card_transaction', occurredAt: span } });
      const signUpsBefore = await db().event.count({ where: { eventType: 'registration', occurredAt: span } });
      const sent = await sendTrickle(span.gt, span.lte, analyst);
      expect(sent.cards).toBeGreaterThan(5);
      expect(sent.signUps).toBeGreaterThan(0);
      // Every one stored: none collides with the seeded fortnight's ids.
      expect(await db().event.count({ where: { eventType: 'card_transaction', occurredAt: span } })).toBe(cardsBefore + sent.cards);
      expect(await db().event.count({ where: { eventType: 'registration', occurredAt: span } })).toBe(signUpsBefore + sent.signUps);
    }
  });

  it('starts the trickle only in demo mode', async () => {
    const handle = await startDemoTrickle();
    expect(handle).not.toBeNull();
    handle!.stop();
    process.env.VIGIL_DEMO = '0';
    try {
      expect(await startDemoTrickle()).toBeNull();
    } finally {
      delete process.env.VIGIL_DEMO;
    }
  });

  it('runs only on a fresh demo database: seedDemo with traffic on a seeded one adds nothing', async () => {
    const before = await db().event.count({ where: { eventType: 'registration' } });
    expect((await seedDemo({ traffic: { days: 2, scale: 0.1 } })).seeded).toBe(false);
    expect(await db().event.count({ where: { eventType: 'registration' } })).toBe(before);
  });
});
