// The overview's "Latest drift" column shows the newest window with enough traffic to judge, as the drift page
// does: a fresh, nearly empty window (insufficient, with a noisy PSI) must not hide yesterday's verdict.
import { beforeAll, describe, expect, it } from 'vitest';
import { trainModel } from '@/lib/ml/model';
import { createRng } from '@/lib/ml/rng';
import { db } from '@/lib/server/platform/db';
import { registerVersion, setStage } from '@/lib/server/registry/models';
import { latestDrift } from '@/lib/server/monitoring/overview';
import { unique } from './helpers';

const DAY = 86_400_000;
let versionId = '';

function rows(n: number) {
  const rng = createRng(7);
  return Array.from({ length: n }, () => {
    const a = rng.normal();
    return { a: a.toFixed(3), y: rng.next() < 1 / (1 + Math.exp(-2 * a)) ? '1' : '0' };
  });
}

const snapshot = (start: number, status: string, scorePsi: number, count: number) => ({
  modelVersionId: versionId, stage: 'production', window: 'day', windowStart: new Date(start), windowEnd: new Date(start + DAY),
  count, flagRate: 0.05, scorePsi, features: [], driftedShare: 0, status,
});

beforeAll(async () => {
  const trained = await trainModel({ kind: 'tabular', rows: rows(600), labelColumn: 'y', algorithm: 'gbdt', params: { rounds: 5 } });
  const v = await registerVersion({ trained, modelName: unique('overview-drift') });
  await setStage(v.id, 'production', 'overview drift test', null);
  versionId = v.id;
});

describe('overview latest drift', () => {
  it('says "not measured" (no snapshot) before any window was computed', async () => {
    expect((await latestDrift()).find((m) => m.id === versionId)?.snapshot).toBeNull();
  });

  it('falls back to the newest window when none had enough traffic', async () => {
    const today = Math.floor(Date.now() / DAY) * DAY;
    await db().driftSnapshot.create({ data: snapshot(today, 'insufficient', 1.7, 12) });
    expect((await latestDrift()).find((m) => m.id === versionId)?.snapshot).toMatchObject({ status: 'insufficient', scorePsi: 1.7 });
  });

  it('shows the newest judged window, not a newer insufficient one', async () => {
    const today = Math.floor(Date.now() / DAY) * DAY;
    await db().driftSnapshot.createMany({ data: [snapshot(today - 2 * DAY, 'warn', 0.15, 600), snapshot(today - DAY, 'ok', 0.02, 610)] });
    const mine = (await latestDrift()).find((m) => m.id === versionId)!;
    expect(mine.snapshot).toMatchObject({ status: 'ok', scorePsi: 0.02 });
    expect(mine.snapshot!.windowEnd.getTime()).toBe(today);
  });
});
