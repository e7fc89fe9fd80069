// The numbers on the overview page, each one a real count (zero is shown as an empty state, never faked).
import { db } from './db';
import { workerAlive } from './worker';

export async function overviewStats() {
  const client = db();
  const dayAgo = new Date(Date.now() - 86_400_000);
  const [transactions24h, flagged24h, openAlerts, reviewQueue, productionModels, datasets, activeJobs, worker] = await Promise.all([
    client.transaction.count({ where: { occurredAt: { gte: dayAgo } } }),
    client.transaction.count({ where: { occurredAt: { gte: dayAgo }, decision: { in: ['review', 'block'] } } }),
    client.alert.count({ where: { acknowledgedAt: null } }),
    client.transaction.count({ where: { decision: { in: ['review', 'block'] }, label: null } }),
    client.modelVersion.findMany({ where: { stage: 'production' }, select: { id: true, kind: true, version: true, model: { select: { name: true } } } }),
    client.dataset.count(),
    client.job.count({ where: { status: { in: ['queued', 'running'] } } }),
    workerAlive(),
  ]);
  return { transactions24h, flagged24h, openAlerts, reviewQueue, productionModels, datasets, activeJobs, workerAlive: worker.alive };
}
