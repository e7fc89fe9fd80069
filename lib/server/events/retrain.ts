// The retraining trigger of an event type (settings key event:<type>): after a drift alert on one of the type's
// models, or once enough of its events were labelled since the last retraining, ONE training job on the type's
// labels snapshot merged into the base dataset version the production model was trained on.
import { TrainRequest } from '@/lib/schemas/training';
import { raiseAlerts } from '../alerts/alerts';
import { loadDatasetRows, prepareRows, storeVersion } from '../datasets/store';
import { db } from '../platform/db';
import { ApiError } from '../platform/http';
import { childLogger } from '../platform/logger';
import { createTrainingJob } from '../registry/training';
import { snapshotEventLabels } from './labels-snapshot';

const log = childLogger('retrain');

export interface RetrainSetting { kind: string; retrainOnDrift: boolean; retrainNewLabels: number; lastRetrainAt: Date | null }
export type RetrainOutcome = { kind: string; queued: boolean; reason: string; jobId?: string };

type JobPayload = { trigger?: string; eventType?: { name: string } } | null;

export async function checkEventType(s: RetrainSetting, now: Date): Promise<RetrainOutcome> {
  const type = s.kind.slice('event:'.length);
  const no = (reason: string): RetrainOutcome => ({ kind: s.kind, queued: false, reason });
  const production = await db().modelVersion.findFirst({ where: { servingSlot: s.kind, stage: 'production' }, include: { model: true } });
  if (!production) return no('no production model of this event type');
  const since = s.lastRetrainAt ?? new Date(0);
  // JSON path filters differ between SQLite and Postgres, so the few active jobs and new drift alerts are read here.
  const active = await db().job.findMany({ where: { type: 'train', status: { in: ['queued', 'running'] } }, select: { payload: true } });
  if (active.some((j) => (j.payload as JobPayload)?.trigger === 'retrain' && (j.payload as JobPayload)?.eventType?.name === type)) return no('a retraining job is already queued or running');
  const alerts = s.retrainOnDrift ? await db().alert.findMany({ where: { type: 'drift', createdAt: { gt: since } }, select: { payload: true } }) : [];
  const drift = alerts.filter((a) => (a.payload as { eventType?: string } | null)?.eventType === type).length;
  const newLabels = await db().event.count({ where: { eventType: type, label: { not: null }, labelledAt: { gt: since } } });
  const why = drift > 0 ? `${drift} drift alert(s) since the last retraining` : newLabels >= s.retrainNewLabels ? `${newLabels} new labels (threshold ${s.retrainNewLabels})` : null;
  if (!why) return no(`no trigger (${newLabels} of ${s.retrainNewLabels} new labels, no drift alert)`);
  if (!production.datasetVersionId) return no('the production model records no training dataset to build on');

  // Claim the trigger first, so two workers checking at once queue one job between them.
  const { count } = await db().monitorSetting.updateMany({ where: { kind: s.kind, lastRetrainAt: s.lastRetrainAt }, data: { lastRetrainAt: now } });
  if (count === 0) return no('another worker took this trigger');
  try {
    const version = await mergedVersion(type, production.datasetVersionId);
    const request = TrainRequest.parse({ datasetVersionId: version.id, modelName: production.model.name, algorithm: production.algorithm, params: production.params as Record<string, number> });
    const job = await createTrainingJob(request, null, undefined, 'retrain');
    await raiseAlerts([{ type: 'performance', severity: 'info', title: `Retraining queued for ${type}: ${why}. The result will be a candidate for you to review.`, payload: { jobId: job.id, datasetVersionId: version.id, eventType: type } }]);
    log.info({ kind: s.kind, jobId: job.id, why, rows: version.rowCount }, 'retraining queued');
    return { kind: s.kind, queued: true, reason: why, jobId: job.id };
  } catch (err) {
    // Nothing was queued (e.g. the labels are all one class): give the trigger back for the next check.
    await db().monitorSetting.updateMany({ where: { kind: s.kind, lastRetrainAt: now }, data: { lastRetrainAt: s.lastRetrainAt } });
    if (err instanceof ApiError) return no(err.message);
    throw err;
  }
}

/** The labels snapshot of the type, then base rows not relabelled plus the labelled events, as one version. */
async function mergedVersion(type: string, baseVersionId: string) {
  const snapshot = await snapshotEventLabels({ eventType: type, name: `${type}-labels` }, null);
  const [base, labelled] = await Promise.all([loadDatasetRows(baseVersionId), loadDatasetRows(snapshot.id)]);
  const { labelColumn, timeColumn, idColumn } = base.version;
  const id = idColumn ?? snapshot.idColumn ?? '';
  const fresh = labelled.rows.map(({ [snapshot.labelColumn]: label, ...r }) => ({ ...r, [labelColumn]: label }));
  const relabelled = new Set(fresh.map((r) => r[id]));
  const rows = [...base.rows.filter((r) => !relabelled.has(r[id])), ...fresh];
  const columns = [...new Set([...Object.keys(base.rows[0] ?? {}), ...Object.keys(fresh[0] ?? {})])];
  // prepareRows computes content and statistics whatever the kind; the version is stored as the type's.
  const prepared = prepareRows({ name: `${type}-retrain`, kind: 'tabular', source: 'labels', rows, columns, labelColumn, timeColumn: timeColumn ?? undefined, idColumn: idColumn ?? undefined });
  return storeVersion({ ...prepared, kind: 'event', eventType: type, eventTypeVersion: snapshot.eventTypeVersion });
}
