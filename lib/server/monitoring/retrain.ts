// The retraining trigger (off by default; engineers turn it on per kind or event type): after a drift alert, or
// once enough new labels arrived since the last retraining, queue ONE training job on a fresh labels-plus-base
// dataset version. The result is a candidate, never promoted automatically; engineers get an alert.
// Event types (settings key event:<type>) are checked in events/retrain.ts.
import { LEGACY_KIND_TYPES } from '@/lib/schemas/scope';
import { TrainRequest } from '@/lib/schemas/training';
import { raiseAlerts } from '../alerts/alerts';
import { createDatasetVersion, labelledTransactionRows, loadDatasetRows } from '../datasets';
import { db } from '../platform/db';
import { checkEventType, type RetrainOutcome } from '../events/retrain';
import { childLogger } from '../platform/logger';
import { createTrainingJob } from '../registry/training';

const log = childLogger('retrain');

export type { RetrainOutcome };

export async function checkRetrainTriggers(now = new Date()): Promise<RetrainOutcome[]> {
  const settings = await db().monitorSetting.findMany({ where: { retrainEnabled: true, kind: { startsWith: 'event:' } }, orderBy: { kind: 'asc' } });
  const outcomes: RetrainOutcome[] = [];
  for (const s of settings) {
    // A card model (the featuriser before event types) is retrained as one: same kind, same algorithm.
    const production = await db().modelVersion.findFirst({ where: { servingSlot: s.kind, stage: 'production' }, select: { kind: true } });
    outcomes.push(production?.kind === 'transaction' ? await checkKind(s, now) : await checkEventType(s, now));
  }
  return outcomes;
}

type Payload = { trigger?: string; eventType?: unknown; kind?: string } | null;

async function checkKind(s: { kind: string; retrainOnDrift: boolean; retrainNewLabels: number; lastRetrainAt: Date | null }, now: Date): Promise<RetrainOutcome> {
  const since = s.lastRetrainAt ?? new Date(0);
  // JSON path filters differ between SQLite and Postgres, so the few active training jobs are checked here.
  const active = await db().job.findMany({ where: { type: 'train', status: { in: ['queued', 'running'] } }, select: { payload: true } });
  // An event type's retraining and drift are its own (events/retrain.ts).
  if (active.some((j) => (j.payload as Payload)?.trigger === 'retrain' && !(j.payload as Payload)?.eventType)) return { kind: s.kind, queued: false, reason: 'a retraining job is already queued or running' };
  const alerts = s.retrainOnDrift ? await db().alert.findMany({ where: { type: 'drift', createdAt: { gt: since } }, select: { payload: true } }) : [];
  const drift = alerts.filter((a) => (a.payload as Payload)?.kind !== 'event').length;
  const newLabels = await db().event.count({ where: { eventType: LEGACY_KIND_TYPES.transaction, labelledAt: { gt: since }, label: { not: null } } });
  const why = drift > 0 ? `${drift} drift alert(s) since the last retraining` : newLabels >= s.retrainNewLabels ? `${newLabels} new labels (threshold ${s.retrainNewLabels})` : null;
  if (!why) return { kind: s.kind, queued: false, reason: `no trigger (${newLabels} of ${s.retrainNewLabels} new labels, no drift alert)` };

  const production = await db().modelVersion.findFirst({ where: { servingSlot: s.kind, stage: 'production' }, include: { model: true } });
  if (!production?.datasetVersionId) return { kind: s.kind, queued: false, reason: 'no production model with a training dataset to build on' };

  // Claim the trigger first, so two workers checking at once queue one job between them.
  const { count } = await db().monitorSetting.updateMany({ where: { kind: s.kind, lastRetrainAt: s.lastRetrainAt }, data: { lastRetrainAt: now } });
  if (count === 0) return { kind: s.kind, queued: false, reason: 'another worker took this trigger' };

  const base = await loadDatasetRows(production.datasetVersionId);
  const labelled = await labelledTransactionRows();
  const idColumn = base.version.idColumn ?? 'trans_num';
  const relabelled = new Set(labelled.map((r) => String(r[idColumn])));
  const columns = Object.keys(base.rows[0] ?? {});
  const rows = [...base.rows.filter((r) => !relabelled.has(String(r[idColumn]))), ...labelled.map((r) => ({ ...r, [base.version.labelColumn]: r.is_fraud }))];
  const version = await createDatasetVersion({
    // The dataset the card kind has always retrained into (the settings key event:<type> is not a dataset name).
    name: `${production.kind}-retrain`, kind: 'transaction', source: 'labels', rows, columns, labelColumn: base.version.labelColumn,
    timeColumn: base.version.timeColumn ?? undefined, idColumn,
  });
  const request = TrainRequest.parse({ datasetVersionId: version.id, modelName: production.model.name, kind: 'transaction', algorithm: production.algorithm, params: production.params as Record<string, number> });
  const job = await createTrainingJob(request, null, undefined, 'retrain');
  await raiseAlerts([{ type: 'performance', severity: 'info', title: `Retraining queued for ${s.kind}: ${why}. The result will be a candidate for you to review.`, payload: { jobId: job.id, datasetVersionId: version.id } }]);
  log.info({ kind: s.kind, jobId: job.id, why, rows: rows.length }, 'retraining queued');
  return { kind: s.kind, queued: true, reason: why, jobId: job.id };
}
