import { beforeAll, describe, expect, it } from 'vitest';
import * as thresholdsRoute from '@/app/api/models/versions/[id]/thresholds/route';
import * as backtestRoute from '@/app/api/models/versions/[id]/backtest/route';
import * as settingsRoute from '@/app/api/monitoring/settings/[kind]/route';
import * as performanceRoute from '@/app/api/monitoring/performance/route';
import { generateTransactions } from '@/lib/demo';
import type { Row } from '@/lib/ml/features';
import { evaluate } from '@/lib/ml/metrics';
import { trainModel } from '@/lib/ml/model';
import { decide } from '@/lib/ml/threshold';
import { backtest } from '@/lib/server/monitoring/backtest';
import { db } from '@/lib/server/platform/db';
import { toProductionScale } from '@/lib/server/decisions/expected-rate';
import { loadVersion, registerVersion, setStage } from '@/lib/server/registry/models';
import { checkPerformanceTargets } from '@/lib/server/monitoring/performance';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import { championChallenger } from '@/lib/server/monitoring/shadow';
import { ingestTransactions } from '@/lib/server/compat/transactions';
import { params, request, tokenFor, unique } from './helpers';

const read = async (res: Response) => ({ status: res.status, json: await res.json() });
const now = Math.floor(Date.now() / 1000);
const live = generateTransactions({ cards: 80, days: 3, seed: 77, start: (now - 4 * 86_400) * 1000, fraudRate: 0.08 });
let engineer = '', analyst = '', champion = '', challenger = '';

async function train(seed: number, rounds: number) {
  const rows = generateTransactions({ cards: 120, days: 20, seed, fraudRate: 0.04 }) as unknown as Row[];
  const trained = await trainModel({ kind: 'transaction', rows, labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds } });
  return (await registerVersion({ trained, modelName: unique('monitoring') })).id;
}

beforeAll(async () => {
  engineer = await tokenFor('engineer');
  analyst = await tokenFor('analyst');
  champion = await train(11, 30);
  challenger = await train(12, 15);
  await setStage(champion, 'production', 'test', null);
  await setStage(challenger, 'shadow', 'test', null);
  resetScoringCache();
  const batch = live.slice(0, Math.min(900, live.length - 60));
  await ingestTransactions(batch, null);
  // Analysts label two thirds of the batch with the truth.
  const labelled = batch.filter((_, i) => i % 3 !== 0);
  for (const value of [0, 1] as const) {
    await db().event.updateMany({ where: { eventType: 'card_transaction', externalId: { in: labelled.filter((t) => t.is_fraud === value).map((t) => t.trans_num) } }, data: { label: value ? 'fraud' : 'legit', labelledAt: new Date() } });
  }
});

describe('monitoring', () => {
  it('a backtest gives the same metrics as lib/ml evaluate on the same data', async () => {
    const res = await read(await backtestRoute.POST(request('POST', `/api/models/versions/${champion}/backtest`, { token: analyst, body: {} }), params({ id: champion })));
    expect(res.status).toBe(200);
    // Independently: every labelled Sparkov row, with all other stored rows as velocity history.
    const all = await db().event.findMany({ where: { eventType: 'card_transaction' }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }], select: { id: true, label: true, payload: true } });
    const model = await loadVersion(champion);
    // Rows other files stored without Sparkov's columns cannot be replayed by a card model: the backtest leaves them out.
    const labelled = all.filter((t) => t.label !== null && model.missingColumns(Object.keys((t.payload ?? {}) as object)).length === 0);
    const history = all.filter((t) => t.label === null).map((t) => t.payload as Row);
    const p = await toProductionScale(champion, model.model, model.scoreRows(labelled.map((t) => t.payload as Row), { history }));
    const y = labelled.map((t) => (t.label === 'fraud' ? 1 : 0));
    const threshold = (await db().modelVersion.findUniqueOrThrow({ where: { id: champion } })).threshold;
    const expected = evaluate(y, p, threshold);
    expect(res.json.n).toBe(labelled.length);
    expect(res.json.positives).toBe(expected.positives);
    expect(res.json.metrics.rocAuc).toBeCloseTo(expected.rocAuc!, 10);
    expect(res.json.metrics.averagePrecision).toBeCloseTo(expected.averagePrecision!, 10);
    expect(res.json.metrics.confusion).toEqual(expected.confusion);
    expect(res.json.sweep).toHaveLength(101);
    // Within this suite's own days: other suites label recent rows of the shared database too.
    const ownDays = { from: new Date(live[0].unix_time * 1000), to: new Date((live.at(-1)!.unix_time + 1) * 1000) };
    const direct = await backtest(champion, { limit: 50, ...ownDays });
    expect(direct.n).toBe(50);
    // A handful of labels: the answer says the metrics are a hint, with an interval to match.
    expect(direct.warning).toMatch(/^Only \d+ fraud and \d+ legitimate labels/);
    const tiny = await backtest(champion, { limit: 9, ...ownDays });
    if (tiny.rocAucInterval) expect(tiny.rocAucInterval[1] - tiny.rocAucInterval[0]).toBeGreaterThan(0.3);
    const enough = res.json.positives >= 30 && res.json.n - res.json.positives >= 30;
    if (enough) expect(res.json.warning).toBeNull();
    else expect(res.json.warning).toContain(`Only ${res.json.positives} fraud`);
    expect(res.json.rocAucInterval[0]).toBeLessThanOrEqual(res.json.metrics.rocAuc);
    const bad = await read(await backtestRoute.POST(request('POST', `/api/models/versions/${champion}/backtest`, { token: analyst, body: { limit: -1 } }), params({ id: champion })));
    expect(bad.status).toBe(400);
  });

  it('a shadow model accumulates comparisons with the champion', async () => {
    const c = await championChallenger('transaction');
    expect(c.challenger?.id).toBe(challenger);
    const rows = await db().event.findMany({ where: { eventType: 'card_transaction', modelVersionId: champion, shadowModelVersionId: challenger }, select: { score: true, shadowScore: true, label: true } });
    expect(rows.length).toBeGreaterThan(200);
    expect(c.compared).toBe(rows.length);
    expect(c.labelled).toBe(rows.filter((r) => r.label !== null).length);
    const [pv, sv] = await Promise.all([champion, challenger].map((id) => db().modelVersion.findUniqueOrThrow({ where: { id } })));
    const agree = rows.filter((r) => (r.score! >= pv.reviewThreshold) === (r.shadowScore! >= sv.reviewThreshold)).length;
    expect(c.agreement).toBeCloseTo(agree / rows.length, 12);
    expect(c.sides?.champion.flagCut).toBe(pv.reviewThreshold);
    expect(c.sides?.challenger.recall).not.toBeNull();
  });

  it('performance points are null below minLabels and alerts once per day below target', async () => {
    const put = (body: object, token = engineer) => settingsRoute.PUT(request('PUT', '/api/monitoring/settings/transaction', { token, body }), params({ kind: 'transaction' }));
    expect((await put({ minLabels: 100_000 })).status).toBe(200);
    expect((await put({ minLabels: 5 }, analyst)).status).toBe(403);
    expect((await put({ minLabels: 0 })).status).toBe(400);
    const get = async () => (await read(await performanceRoute.GET(request('GET', '/api/monitoring/performance?kind=transaction&days=7', { token: analyst }), params({})))).json;
    const none = await get();
    expect(none.points).toHaveLength(7);
    expect(none.points.every((p: { precision: unknown }) => p.precision === null)).toBe(true);
    const labels = none.points.reduce((s: number, p: { labels: number }) => s + p.labels, 0);
    // Other files may leave older labelled rows in the shared database: count the 7-day window only.
    const since = new Date(Date.parse(`${none.points[0].day}T00:00:00Z`));
    expect(labels).toBe(await db().event.count({ where: { eventType: 'card_transaction', decision: { not: null }, label: { not: null }, occurredAt: { gte: since } } }));
    await put({ minLabels: 5, precisionTarget: 0.999, recallTarget: 0.999 });
    const some = await get();
    const full = some.points.filter((p: { labels: number }) => p.labels >= 5);
    expect(full.length).toBeGreaterThan(0);
    expect(full.every((p: { recall: unknown }) => typeof p.recall === 'number')).toBe(true);
    expect(some.points.filter((p: { labels: number }) => p.labels < 5).every((p: { recall: unknown }) => p.recall === null)).toBe(true);
    // "now" is the day after a day with enough labels and a miss, so that day is the last complete one.
    const day = full.find((p: { precision: number; recall: number }) => p.precision < 0.999 || p.recall < 0.999).day as string;
    const nextDay = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000);
    const first = await checkPerformanceTargets('transaction', { now: nextDay });
    expect(first).toMatch(day);
    expect(await checkPerformanceTargets('transaction', { now: nextDay })).toBeNull();
    expect(await db().alert.count({ where: { type: 'performance', title: first! } })).toBe(1);
    const audit = await db().auditEvent.findFirst({ where: { action: 'monitor.settings', targetId: 'event:card_transaction' }, orderBy: { at: 'desc' } });
    expect(audit?.after).toMatchObject({ minLabels: 5 });
  });

  it('saving thresholds changes the decisions of the next batch and is audited', async () => {
    const put = (body: object, token = engineer) => thresholdsRoute.PUT(request('PUT', `/api/models/versions/${champion}/thresholds`, { token, body }), params({ id: champion }));
    expect((await put({ threshold: 0.5, reviewThreshold: 0.6, blockThreshold: 0.4 })).status).toBe(400);
    expect((await put({ threshold: 0.5, reviewThreshold: 0.4, blockThreshold: 0.6 }, analyst)).status).toBe(403);
    const before = await db().modelVersion.findUniqueOrThrow({ where: { id: champion } });
    // Everything ≥ 0.000002 is blocked: practically the whole next batch.
    const saved = await read(await put({ threshold: 0.000002, reviewThreshold: 0.000001, blockThreshold: 0.000002 }));
    expect(saved.status).toBe(200);
    const next = live.slice(-60);
    await ingestTransactions(next, null);
    const stored = await db().event.findMany({ where: { eventType: 'card_transaction', externalId: { in: next.map((t) => t.trans_num) } }, select: { score: true, decision: true } });
    expect(stored).toHaveLength(60);
    for (const s of stored) expect(s.decision).toBe(decide(s.score!, { review: 0.000001, block: 0.000002 }));
    expect(stored.filter((s) => s.decision === 'block').length).toBeGreaterThan(50);
    const audit = await db().auditEvent.findFirst({ where: { action: 'model.thresholds', targetId: champion }, orderBy: { at: 'desc' } });
    expect(audit?.before).toMatchObject({ threshold: before.threshold, reviewThreshold: before.reviewThreshold });
    expect(audit?.after).toMatchObject({ threshold: 0.000002, blockThreshold: 0.000002 });
  });
});
