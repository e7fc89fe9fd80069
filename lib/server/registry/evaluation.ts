// "Evaluate on…" (web side): checks that every version can score the chosen holdout, then queues one
// 'evaluate' job; lib/server/registry/evaluation-job.ts scores them in the worker.
import type { EvaluateRequest } from '@/lib/schemas/evaluation';
import { isLegacyKind, typeOfKind } from '@/lib/schemas/scope';
import { db } from '../platform/db';
import { ApiError, badRequest, notFound } from '../platform/http';
import { enqueueJob } from '../platform/jobs';
import { loadVersion } from './models';
import type { Principal } from '../access/principal';

export const EVALUATE_JOB = 'evaluate';

/** What the holdout holds: a built-in kind, or the events of one type. */
export interface HoldoutTarget { kind: string; eventType: string | null }

export interface EvaluateJobPayload { request: EvaluateRequest; target: HoldoutTarget; actor: Principal | null }

export const describeTarget = (t: HoldoutTarget) => (t.eventType ? `${t.eventType} events` : `${t.kind} data`);

/** What a version scores: card and email versions (which serve their built-in type's slot) score data of their kind. */
export const scoredTarget = (v: { kind: string; eventType: string | null }): HoldoutTarget => ({ kind: v.kind, eventType: isLegacyKind(v.kind) ? null : v.eventType });

async function versionsOf(ids: string[]) {
  const rows = await db().modelVersion.findMany({
    where: { id: { in: ids } },
    select: { id: true, version: true, kind: true, eventType: true, model: { select: { name: true } } },
  });
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw notFound(`Model version ${missing.join(', ')}`);
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/** The kind and event type the holdout holds; a dataset says it, a period says it or takes the versions'. */
async function targetOf(request: EvaluateRequest, first: { kind: string; eventType: string | null }): Promise<{ target: HoldoutTarget; columns: string[] | null }> {
  const h = request.holdout;
  if ('datasetVersionId' in h) {
    const dv = await db().datasetVersion.findUnique({ where: { id: h.datasetVersionId }, select: { columns: true, eventType: true, rowCount: true, positiveCount: true, dataset: { select: { kind: true } } } });
    if (!dv) throw notFound('Dataset version');
    if (dv.positiveCount === 0 || dv.positiveCount >= dv.rowCount) {
      throw new ApiError(422, 'unusable_holdout', `The dataset version's ${dv.rowCount} rows are all ${dv.positiveCount ? 'fraud' : 'legitimate'}; an evaluation needs both classes.`);
    }
    const columns = (dv.columns as { name: string }[] | null)?.map((c) => c.name) ?? [];
    return { target: { kind: dv.eventType ? 'event' : dv.dataset.kind, eventType: dv.eventType }, columns };
  }
  if (h.eventType) return { target: { kind: 'event', eventType: h.eventType }, columns: null };
  if (h.kind) return { target: { kind: h.kind, eventType: null }, columns: null };
  return { target: { kind: first.kind, eventType: first.eventType }, columns: null };
}

/** Labelled rows in [from, to) of the target: there must be some, and of both classes. */
async function countPeriod(target: HoldoutTarget, from: Date, to: Date) {
  const occurredAt = { gte: from, lt: to };
  const count = (label: string) => db().event.count({ where: { eventType: target.eventType ?? typeOfKind(target.kind), label, occurredAt } });
  const [fraud, legit] = await Promise.all([count('fraud'), count('legit')]);
  if (!fraud || !legit) {
    throw new ApiError(422, 'unusable_holdout', `The period holds ${fraud} fraud and ${legit} legitimate labelled ${describeTarget(target)}; an evaluation needs both classes.`);
  }
}

/** Checks the request against the registry and the holdout, then queues the job. */
export async function createEvaluationJob(request: EvaluateRequest, actor: Principal | null) {
  const versions = await versionsOf(request.versionIds);
  const { target, columns } = await targetOf(request, scoredTarget(versions[0]));
  const label = (v: (typeof versions)[number]) => `${v.model.name} v${v.version} (${scoredTarget(v).eventType ? `${v.eventType} events` : v.kind})`;
  const foreign = versions.filter((v) => { const t = scoredTarget(v); return t.kind !== target.kind || t.eventType !== target.eventType; });
  if (foreign.length) {
    throw badRequest(`The holdout holds ${describeTarget(target)}; ${foreign.map(label).join(', ')} score${foreign.length === 1 ? 's' : ''} something else. Evaluate versions of one kind on a holdout of that kind.`);
  }
  if ('datasetVersionId' in request.holdout) {
    // Tabular models need their own columns; name the gaps now rather than failing in the worker.
    for (const v of versions) {
      const missing = (await loadVersion(v.id)).missingColumns(columns ?? []);
      if (missing.length) throw badRequest(`${label(v)} needs column(s) the dataset version lacks: ${missing.slice(0, 10).join(', ')}.`);
    }
  } else {
    if (target.kind === 'tabular') throw badRequest('Tabular models have no stored traffic; evaluate them on a dataset version.');
    await countPeriod(target, request.holdout.from, request.holdout.to);
  }
  const payload: EvaluateJobPayload = { request, target, actor };
  return enqueueJob(EVALUATE_JOB, payload, { maxAttempts: 2, createdById: actor?.id ?? null });
}
