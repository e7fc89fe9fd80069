// The numbers on the overview page, each one a real count (zero is shown as an empty state, never faked).
import { db } from '../platform/db';
import { workerAlive } from '../platform/worker';

export async function overviewStats() {
  const client = db();
  const dayAgo = new Date(Date.now() - 86_400_000);
  const [transactions24h, flagged24h, openAlerts, reviewQueue, datasets, activeJobs, worker] = await Promise.all([
    client.event.count({ where: { occurredAt: { gte: dayAgo } } }),
    client.event.count({ where: { occurredAt: { gte: dayAgo }, decision: { in: ['review', 'block'] } } }),
    client.alert.count({ where: { acknowledgedAt: null } }),
    client.event.count({ where: { decision: { in: ['review', 'block'] }, label: null } }),
    client.dataset.count(),
    client.job.count({ where: { status: { in: ['queued', 'running'] } } }),
    workerAlive(),
  ]);
  return { transactions24h, flagged24h, openAlerts, reviewQueue, datasets, activeJobs, workerAlive: worker.alive };
}

/** Per UTC day: events of every type and flagged ones, from two indexed counts a day (portable across databases). */
export async function dailyVolume(days = 14, now = new Date()) {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 86_400_000;
  const starts = Array.from({ length: days }, (_, i) => end - (days - i) * 86_400_000);
  return Promise.all(
    starts.map(async (start) => {
      const occurredAt = { gte: new Date(start), lt: new Date(start + 86_400_000) };
      const [total, flagged] = await Promise.all([
        db().event.count({ where: { occurredAt } }),
        db().event.count({ where: { occurredAt, decision: { in: ['review', 'block'] } } }),
      ]);
      return { day: new Date(start).toISOString().slice(0, 10), total, flagged };
    }),
  );
}

/** The latest drift snapshot of each serving version. */
export async function latestDrift() {
  const serving = await db().modelVersion.findMany({ where: { stage: { in: ['production', 'shadow'] } }, select: { id: true, servingSlot: true, stage: true, version: true } });
  return Promise.all(
    serving.map(async (v) => {
      // The newest window with enough traffic to judge, as the drift page shows it: a fresh, nearly empty window's
      // "insufficient" must not hide the last verdict. The newest of any status when none was judged yet.
      const select = { status: true, scorePsi: true, driftedShare: true, window: true, windowEnd: true } as const;
      const orderBy = { windowEnd: 'desc' } as const;
      const snap = await db().driftSnapshot.findFirst({ where: { modelVersionId: v.id, status: { not: 'insufficient' } }, orderBy, select })
        ?? await db().driftSnapshot.findFirst({ where: { modelVersionId: v.id }, orderBy, select });
      return { ...v, snapshot: snap };
    }),
  );
}
