// The demo's drift page shows no alert, whatever the UTC hour the demo is seeded: demo traffic is seeded at
// fixed clocks (just after midnight on a Monday, early morning, afternoon, just before midnight), the worker's
// hour, day and week snapshots are taken at that clock, and every drift view of each type is read through the
// services, as the e2e journey reads the page: no snapshot, window state or drift alert says 'alert'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftWindow } from '@/lib/schemas/drift';
import { db } from '@/lib/server/platform/db';
import { computeDriftSnapshots, listDrift } from '@/lib/server/monitoring/drift';
import { seedDemoTraffic } from '@/lib/server/demo/traffic';
import { seedDemo } from '@/lib/server/demo/seed';
import { setStage } from '@/lib/server/registry/models';
import { resetScoringCache } from '@/lib/server/decisions/scoring';

// The fortnight and the volume `npm start` seeds (about 30 s a clock on SQLite); the knobs
// are for exploring other volumes and seeds by hand.
const DAYS = Number(process.env.VIGIL_TEST_DEMO_DAYS ?? 14);
const SCALE = Number(process.env.VIGIL_TEST_DEMO_SCALE ?? 1);
const TYPES = ['card_transaction', 'email', 'registration'] as const;
const WINDOWS: DriftWindow[] = ['hour', 'day', 'week'];
// Clocks of the days before last (the expected fraud rate is estimated from the last 30 days of the real clock,
// so the traffic must be recent, as the demo's is), each with a generator seed of its own so their ids never
// meet each other's nor demo-traffic.test.ts's (seed 21, the last four days, which these fortnights end before).
// Their fortnights overlap for the built-in card and email models: more of the same stationary traffic.
const DAY = 86_400_000;
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const SEEDS = (process.env.VIGIL_TEST_DEMO_SEEDS ?? '31,32,33,34,35,36,37,38').split(',').map(Number);
// By default one clock, the hardest: at 06:00 the current day holds only the night's payments, mostly fraud
// bursts (69% of the card features drifted against the whole-day baseline before drift-hours.ts).
// VIGIL_TEST_DEMO_HOURS=1: four clocks; VIGIL_TEST_DEMO_CLOCKS=hh:mm,…: any.
const ALL = process.env.VIGIL_TEST_DEMO_HOURS === '1';
const HOURS = (process.env.VIGIL_TEST_DEMO_CLOCKS ?? (ALL ? '00:20,06:00,13:30,23:50' : '06:00')).split(',');
const CLOCKS = HOURS.map((hm, i) => [8 - (i % 4), hm] as const).map(([back, hm], i) => ({
  at: new Date(TODAY - Number(back) * DAY + Date.parse(`1970-01-01T${hm}:00Z`)).toISOString(), seed: SEEDS[i],
}));

const extras: string[] = [];

beforeAll(async () => {
  await seedDemo();
}, 300_000);

afterAll(async () => {
  // A failed clock leaves its versions in service: take them out, so later suites see the demo's own.
  for (const id of extras) {
    const v = await db().modelVersion.findUnique({ where: { id }, select: { stage: true } });
    if (v && v.stage !== 'archived') await setStage(id, 'archived', 'demo drift hours test done', null);
  }
  resetScoringCache();
});

/** Every 'alert' the drift page of `type` can show at `now`, named; empty when the page is quiet. */
async function alertsOnPage(type: string, now: Date): Promise<string[]> {
  const found: string[] = [];
  for (const window of [undefined, ...WINDOWS]) {
    const res = await listDrift({ kind: 'transaction', eventType: type, window, limit: 48 }, now);
    const name = `${type} ${window ?? `default (${res.window})`}`;
    for (const v of res.versions) {
      for (const s of res.snapshots[v.id] ?? []) {
        if (s.status === 'alert') {
          const worst = s.features.filter((f) => f.alerting !== false && f.status === 'alert').map((f) => `${f.name} ${f.psi.toFixed(2)}±${f.noise?.toFixed(2)}`);
          found.push(`${name}: ${v.modelName} v${v.version} (${v.stage}) snapshot ${s.windowStart} count ${s.count} scorePsi ${s.scorePsi?.toFixed(3)} drifted ${s.driftedShare.toFixed(2)} [${worst.join(', ')}]`);
        }
      }
      for (const w of res.windows[v.id] ?? []) {
        if (w.status === 'alert') found.push(`${name}: ${v.modelName} v${v.version} (${v.stage}) window ${w.windowStart}${w.partial ? ' (partial)' : ''} events ${w.events}`);
      }
    }
  }
  return found;
}

describe('the demo drift page at any hour', () => {
  for (const clock of CLOCKS) {
    it(`seeded at ${clock.at}: no drift alert on any type, window or day`, async () => {
      const now = new Date(clock.at);
      const started = new Date();
      const t0 = Date.now();
      const summary = await seedDemoTraffic({ days: DAYS, now, scale: SCALE, seed: clock.seed });
      extras.push(summary.shadowVersionId, summary.registrationVersionId);
      // What the worker runs at start: hour, day and week snapshots at the clock.
      for (const window of WINDOWS) await computeDriftSnapshots({ window, at: now });
      const found: string[] = [];
      for (const type of TYPES) found.push(...(await alertsOnPage(type, now)));
      const alerts = await db().alert.findMany({ where: { type: 'drift', createdAt: { gte: started } }, select: { title: true } });
      found.push(...alerts.map((a) => `drift alert: ${a.title}`));
      console.log(`${clock.at}: seeded ${summary.cards} cards, ${summary.emailChecks} email checks, ${summary.signUps} sign-ups in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      expect(found).toEqual([]);
      // The demo's traffic served this run: the views above judged something.
      const judged = await db().driftSnapshot.count({ where: { modelVersionId: summary.registrationVersionId, status: { in: ['ok', 'warn'] } } });
      expect(judged).toBeGreaterThan(0);
      // This run's challenger and sign-up model leave service: the next clock's are the demo's.
      for (const id of [summary.shadowVersionId, summary.registrationVersionId]) await setStage(id, 'archived', 'next clock', null);
      resetScoringCache();
    }, 240_000);
  }
});
