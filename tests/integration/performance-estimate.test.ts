// CBPE end to end: scored traffic of a fresh event type over five days, one of them shifted towards the
// threshold; the performance route estimates every day from scores alone and the alert fires for that day only.
import { beforeAll, describe, expect, it } from 'vitest';
import * as performanceRoute from '@/app/api/monitoring/performance/route';
import { ORDER_EVENT_TYPE } from '@/lib/demo/orders';
import { estimatePerformance } from '@/lib/ml/cbpe';
import { createRng } from '@/lib/ml/rng';
import { db } from '@/lib/server/platform/db';
import { createEventType } from '@/lib/server/events';
import { updateMonitorSettings } from '@/lib/server/monitoring/monitor-settings';
import { checkEstimatedPerformance, checkEventTypeEstimates } from '@/lib/server/monitoring/estimate-alerts';
import { params, request, tokenFor, unique } from './helpers';

const DAY_MS = 86_400_000;
// Stated tolerance: the estimate is within ±0.05 of the realised value on a labelled day of ≥ 6k items.
const TOL = 0.05;
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const dayOf = (back: number) => new Date(today - back * DAY_MS).toISOString().slice(0, 10);

// back = days before today. The 12k day spans three 5k pages with 120 items per timestamp (ties across pages).
const PLAN = [
  { back: 5, n: 12_000, mean: -2.5, sd: 2, labelled: true },
  { back: 4, n: 8_000, mean: -2.5, sd: 2, labelled: true },
  { back: 3, n: 3_000, mean: -2.5, sd: 2, labelled: false },
  { back: 2, n: 6_000, mean: -0.3, sd: 0.4, labelled: true }, // the shift: mass piles up near the threshold
  { back: 1, n: 3_000, mean: -2.5, sd: 2, labelled: false },
];
const type = unique('cbpe').replace(/-/g, '_');
const scores = new Map<string, { p: Float64Array; flagged: Uint8Array }>();
let analyst = '';

beforeAll(async () => {
  analyst = await tokenFor('analyst');
  await createEventType({ ...ORDER_EVENT_TYPE, name: type }, null);
  const rng = createRng(42);
  for (const d of PLAN) {
    const start = today - d.back * DAY_MS;
    const p = new Float64Array(d.n), flagged = new Uint8Array(d.n);
    const rows = [];
    for (let i = 0; i < d.n; i++) {
      p[i] = 1 / (1 + Math.exp(-(d.mean + d.sd * rng.normal())));
      const fraud = rng.next() < p[i]; // calibrated: labels are Bernoulli(p)
      const decision = p[i] >= 0.8 ? 'block' : p[i] >= 0.5 ? 'review' : 'allow';
      flagged[i] = decision === 'allow' ? 0 : 1;
      rows.push({
        eventType: type, typeVersion: 1, externalId: `${d.back}-${i}`, occurredAt: new Date(start + (i % 100) * 60_000), payload: {},
        score: p[i], decision, label: d.labelled ? (fraud ? 'fraud' : 'legit') : null,
      });
    }
    scores.set(dayOf(d.back), { p, flagged });
    for (let i = 0; i < rows.length; i += 2_000) await db().event.createMany({ data: rows.slice(i, i + 2_000) });
  }
  // Scored but unlabelled and unscored rows of another type must not leak in.
  await db().event.createMany({ data: [{ eventType: `${type}_x`, typeVersion: 1, externalId: 'other', occurredAt: new Date(today - 2 * DAY_MS), payload: {}, score: 0.01, decision: 'allow' }] });
  await db().event.createMany({ data: [{ eventType: type, typeVersion: 1, externalId: 'unscored', occurredAt: new Date(today - 2 * DAY_MS), payload: {}, decision: 'allow' }] });
  await updateMonitorSettings(`event:${type}`, { precisionTarget: 0.62, recallTarget: 0.35 }, null);
});

type Point = {
  day: string; scored: number; labels: number; precision: number | null; recall: number | null; rocAuc: number | null;
  estimated: { n: number; precision: number; recall: number; rocAuc: number } | null; gap: { precision: number | null; recall: number | null; rocAuc: number | null } | null;
};

describe('performance estimated before labels (CBPE)', () => {
  it('estimates every day with traffic, labelled or not, and tracks the realised metrics where labels exist', async () => {
    const res = await performanceRoute.GET(request('GET', `/api/monitoring/performance?kind=transaction&eventType=${type}&days=6`, { token: analyst }), params({}));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { points: Point[] };
    expect(body.points.map((p) => p.day)).toEqual([5, 4, 3, 2, 1, 0].map(dayOf));
    const byDay = new Map(body.points.map((p) => [p.day, p]));
    expect(byDay.get(dayOf(0))).toMatchObject({ scored: 0, estimated: null, gap: null });
    for (const d of PLAN) {
      const point = byDay.get(dayOf(d.back))!;
      // Every scored item of the day, read page by page, exactly once: the same numbers as the engine on all of them.
      const all = scores.get(point.day)!;
      const direct = estimatePerformance(all.p, all.flagged);
      expect(point.estimated!.n).toBe(d.n);
      expect(point.estimated!.precision).toBeCloseTo(direct.precision!, 9);
      expect(point.estimated!.recall).toBeCloseTo(direct.recall!, 9);
      expect(point.estimated!.rocAuc).toBeCloseTo(direct.rocAuc!, 9);
      if (!d.labelled) {
        expect(point).toMatchObject({ labels: 0, precision: null, recall: null, rocAuc: null });
        expect(point.gap).toEqual({ precision: null, recall: null, rocAuc: null });
        continue;
      }
      expect(point.labels).toBe(d.n);
      for (const m of ['precision', 'recall', 'rocAuc'] as const) {
        expect(Math.abs(point[m]! - point.estimated![m])).toBeLessThan(TOL);
        expect(point.gap![m]).toBeCloseTo(point[m]! - point.estimated![m], 12);
      }
    }
    // The shift is real in the labels, and the estimate saw it without them.
    const [before, shifted] = [byDay.get(dayOf(4))!, byDay.get(dayOf(2))!];
    expect(before.precision! - shifted.precision!).toBeGreaterThan(0.08);
    expect(before.estimated!.precision - shifted.estimated!.precision).toBeGreaterThan(0.08);
  });

  it('raises the estimate alert for the shifted day only, once', async () => {
    // The scheduled sweep over event types, run the day after the shift: yesterday is the shifted day.
    const swept = await checkEventTypeEstimates({ now: new Date(today - DAY_MS + 3_600_000) });
    const titles = swept.filter((t) => t.includes(` for ${type} on `));
    expect(titles).toHaveLength(2);
    expect(titles.every((t) => t.includes(`on ${dayOf(2)} (no labels needed)`))).toBe(true);
    expect(titles.find((t) => t.startsWith('Estimated precision '))).toMatch(/^Estimated precision 0\.\d\d is below the floor 0\.62 for cbpe_/);
    expect(titles.find((t) => t.startsWith('Estimated recall '))).toMatch(/is below the floor 0\.35/);
    // All five days checked: the shifted day is already alerted and no other day is below a floor.
    expect(await checkEstimatedPerformance({ kind: 'transaction', eventType: type }, { days: 5 })).toEqual([]);
    expect(await db().alert.count({ where: { type: 'performance', title: { contains: ` for ${type} on ` } } })).toBe(2);
    // Without floors nothing is checked.
    await updateMonitorSettings(`event:${type}`, { precisionTarget: null, recallTarget: null }, null);
    expect(await checkEstimatedPerformance({ kind: 'transaction', eventType: type }, { days: 5 })).toEqual([]);
  });
});
