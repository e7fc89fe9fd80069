import { beforeAll, describe, expect, it } from 'vitest';
import * as driftRoute from '@/app/api/drift/route';
import * as snapshotsRoute from '@/app/api/drift/snapshots/route';
import { generateTransactions } from '@/lib/demo';
import type { Row } from '@/lib/ml/features';
import { trainModel } from '@/lib/ml/model';
import { db } from '@/lib/server/platform/db';
import { computeDriftSnapshots, driftSnapshotJob, snapshotWindows, windowCounts, windowStartOf } from '@/lib/server/monitoring/drift';
import { ingestTransactions } from '@/lib/server/compat/transactions';
import { registerVersion, setStage } from '@/lib/server/registry/models';
import { ensureScheduled, resetScheduleClock, runSchedules } from '@/lib/server/platform/schedule';
import { resetScoringCache } from '@/lib/server/decisions/scoring';
import type { Job } from '@/lib/server/platform/jobs';
import { params, request, tokenFor, unique } from './helpers';

const DAY = 86_400_000;
const today = windowStartOf('day', new Date()).getTime();
let versionId = '';
let engineer = '';

const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

// Six days of one card population: five normal days, then a day of amounts ×8, all between 02:00 and 04:00.
const all = generateTransactions({ cards: 150, days: 6, seed: 31, start: today - 6 * DAY, fraudRate: 0.02 });
const normal = all.filter((t) => t.unix_time * 1000 < today - DAY);
const shifted = all.filter((t) => t.unix_time * 1000 >= today - DAY).map((t) => {
  const at = new Date(today - DAY + 2 * 3_600_000 + ((t.unix_time * 1000) % 7_200_000));
  return { ...t, trans_num: `${t.trans_num}-s`, amt: Math.round(t.amt * 800) / 100, unix_time: Math.floor(at.getTime() / 1000), trans_date_trans_time: fmt(at) };
});

async function ingestAll(rows: typeof all) {
  const sorted = [...rows].sort((a, b) => a.unix_time - b.unix_time);
  for (let i = 0; i < sorted.length; i += 1000) await ingestTransactions(sorted.slice(i, i + 1000), null);
}

const mine = (rs: Awaited<ReturnType<typeof computeDriftSnapshots>>) => rs.filter((r) => r.modelVersionId === versionId);
const driftAlerts = async () => (await db().alert.findMany({ where: { type: 'drift' } })).filter((a) => (a.payload as { modelVersionId?: string } | null)?.modelVersionId === versionId);

beforeAll(async () => {
  engineer = await tokenFor('engineer');
  const trained = await trainModel({ kind: 'transaction', rows: generateTransactions({ cards: 150, days: 20, seed: 5, fraudRate: 0.03 }) as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 40 } });
  const v = await registerVersion({ trained, modelName: unique('drift-test') });
  await setStage(v.id, 'production', 'drift test', null);
  resetScoringCache();
  versionId = v.id;
});

describe('drift windows', () => {
  it('aligns to UTC hours, days and ISO weeks', () => {
    const at = new Date('2026-11-19T13:45:00Z'); // a Thursday
    expect(windowStartOf('hour', at).toISOString()).toBe('2026-11-19T13:00:00.000Z');
    expect(windowStartOf('day', at).toISOString()).toBe('2026-11-19T00:00:00.000Z');
    expect(windowStartOf('week', at).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(snapshotWindows('day', at).map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      ['2026-11-18T00:00:00.000Z', '2026-11-19T00:00:00.000Z'], ['2026-11-19T00:00:00.000Z', '2026-11-19T13:45:00.000Z'],
    ]);
    expect(snapshotWindows('hour', new Date('2026-11-19T13:00:00Z'))).toHaveLength(1);
  });
});

describe('drift snapshots', () => {
  it('a normal day is not drifted; a nearly empty window is insufficient', async () => {
    await ingestAll(normal);
    const res = mine(await computeDriftSnapshots({ window: 'day', at: new Date(today - DAY) }));
    expect(res).toHaveLength(1);
    expect(res[0].count).toBeGreaterThan(100);
    expect(['ok', 'warn']).toContain(res[0].status);
    expect(res[0].scorePsi!).toBeLessThan(0.25);
    const snap = await db().driftSnapshot.findFirstOrThrow({ where: { modelVersionId: versionId, window: 'day' } });
    const features = snap.features as { name: string; psi: number; baseline: number[]; current: number[] }[];
    expect(features.length).toBeGreaterThan(5);
    expect(features.find((f) => f.name === 'log_amount')!.psi).toBeLessThan(0.1);
    expect(snap.flagRate).toBeGreaterThanOrEqual(0);

    const hour = mine(await computeDriftSnapshots({ window: 'hour', at: new Date(today - 2 * DAY + 3 * 3_600_000 + 60_000) }));
    expect(hour.every((r) => r.status === 'insufficient')).toBe(true);
    expect(await driftAlerts()).toHaveLength(0);
  });

  it('a shifted day raises alert status and exactly one drift alert, not again on recompute', async () => {
    await ingestAll(shifted);
    const res = mine(await computeDriftSnapshots({ window: 'day', at: new Date(today) }));
    expect(res).toHaveLength(1);
    expect(res[0].status).toBe('alert');
    expect(res[0].alerted).toBe(true);
    const snap = await db().driftSnapshot.findFirstOrThrow({ where: { modelVersionId: versionId, window: 'day', windowStart: new Date(today - DAY) } });
    expect(snap.driftedShare).toBeGreaterThanOrEqual(0.25);
    const amount = (snap.features as { name: string; psi: number }[]).find((f) => f.name === 'log_amount')!;
    expect(amount.psi).toBeGreaterThan(0.25);
    const alerts = await driftAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'critical' });
    expect(alerts[0].title).toMatch(/PSI/);

    await computeDriftSnapshots({ window: 'day', at: new Date(today) });
    expect(await driftAlerts()).toHaveLength(1);
  });

  it('a shadow version is measured on its own scores; both counting paths agree exactly', async () => {
    const trained = await trainModel({ kind: 'transaction', rows: generateTransactions({ cards: 120, days: 15, seed: 6, fraudRate: 0.03 }) as unknown as Row[], labelColumn: 'is_fraud', algorithm: 'gbdt', params: { rounds: 20 } });
    const shadowVersion = await registerVersion({ trained, modelName: unique('drift-shadow') });
    await setStage(shadowVersion.id, 'shadow', 'challenger', null);
    resetScoringCache();
    const extra = generateTransactions({ cards: 60, days: 1, seed: 77, start: today - DAY, fraudRate: 0.02 }).map((t) => ({ ...t, trans_num: `${t.trans_num}-x` }));
    await ingestAll(extra);
    const res = (await computeDriftSnapshots({ window: 'day', at: new Date(today) })).filter((r) => r.modelVersionId === shadowVersion.id);
    expect(res).toHaveLength(1);
    expect(res[0].count).toBe(extra.length);
    const snap = await db().driftSnapshot.findFirstOrThrow({ where: { modelVersionId: shadowVersion.id } });
    expect(snap.stage).toBe('shadow');
    expect((snap.features as unknown[]).length).toBeGreaterThan(0);
    for (const id of [versionId, shadowVersion.id]) {
      const fast = await windowCounts(id, new Date(today - DAY), new Date(today));
      const portable = await windowCounts(id, new Date(today - DAY), new Date(today), { portable: true });
      expect(fast).toEqual(portable);
    }
    await setStage(shadowVersion.id, 'archived', 'done', null);
    resetScoringCache();
  });

  it('serves snapshots over time and enqueues on demand (engineers only, validated)', async () => {
    const res = await driftRoute.GET(request('GET', '/api/drift?kind=transaction&window=day', { token: engineer }), params({}));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.versions.map((v: { id: string }) => v.id)).toContain(versionId);
    expect(body.snapshots[versionId].at(-1).status).toBe('alert');
    // Yesterday (the shifted day) as it stands now: computed, alerting, its transactions counted live.
    const [yesterday] = body.windows[versionId];
    expect(yesterday).toMatchObject({ windowStart: new Date(today - DAY).toISOString(), partial: false, status: 'alert' });
    const live = await db().event.count({ where: { eventType: 'card_transaction', modelVersionId: versionId, occurredAt: { gte: new Date(today - DAY), lt: new Date(today) } } });
    expect(live).toBeGreaterThanOrEqual(shifted.length);
    expect(yesterday.events).toBe(live);
    expect(yesterday.computedCount).toBeGreaterThanOrEqual(shifted.length);
    // Without a window the volume picks one: under 500 transactions in any recent hour or day here, so the week.
    const picked = await (await driftRoute.GET(request('GET', '/api/drift?kind=transaction', { token: engineer }), params({}))).json();
    expect(picked.windowChoice).toMatchObject({ requested: false, target: 500 });
    expect(picked.windowChoice.scored.week).toBeGreaterThanOrEqual(picked.windowChoice.scored.day);
    expect(picked.window).toBe(picked.windowChoice.scored.hour >= 500 ? 'hour' : picked.windowChoice.scored.day >= 500 ? 'day' : 'week');
    const bad = await driftRoute.GET(request('GET', '/api/drift?window=month', { token: engineer }), params({}));
    expect(bad.status).toBe(400);

    const viewer = await tokenFor('viewer');
    expect((await snapshotsRoute.POST(request('POST', '/api/drift/snapshots', { token: viewer, body: { window: 'hour' } }), params({}))).status).toBe(403);
    expect((await snapshotsRoute.POST(request('POST', '/api/drift/snapshots', { token: engineer, body: { window: 'year' } }), params({}))).status).toBe(400);
    const ok = await snapshotsRoute.POST(request('POST', '/api/drift/snapshots', { token: engineer, body: { window: 'week' } }), params({}));
    expect(ok.status).toBe(202);
    const job = await ok.json();
    expect(job).toMatchObject({ type: 'drift.snapshot', status: 'queued', payload: { window: 'week' } });
    const ctx = { signal: new AbortController().signal, progress: async () => undefined };
    const result = (await driftSnapshotJob(job as Job, ctx)) as { snapshots: { modelVersionId: string }[] };
    expect(result.snapshots.some((s) => s.modelVersionId === versionId)).toBe(true);
    await db().job.deleteMany({ where: { id: job.id } });
  });

  it('schedules a job only when none is pending and the last success is older than the period', async () => {
    await db().job.deleteMany({ where: { type: 'drift.snapshot' } });
    expect(await ensureScheduled('drift.snapshot', { window: 'hour' }, 3_600_000)).toBe(true);
    expect(await ensureScheduled('drift.snapshot', { window: 'hour' }, 3_600_000)).toBe(false);
    await db().job.updateMany({ where: { type: 'drift.snapshot' }, data: { status: 'succeeded', finishedAt: new Date(Date.now() - 2 * 3_600_000) } });
    resetScheduleClock();
    expect(await runSchedules(new Date(), [{ type: 'drift.snapshot', payload: { window: 'hour' }, everyMs: 3_600_000 }])).toBe(1);
    expect(await runSchedules(new Date(), [{ type: 'drift.snapshot', payload: { window: 'hour' }, everyMs: 3_600_000 }])).toBe(0);
    await db().job.deleteMany({ where: { type: 'drift.snapshot' } });
  });
});
