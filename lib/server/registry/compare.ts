// Side-by-side comparison of 2–4 versions: metrics with the better value marked, a params diff,
// and whether they were scored on the same evaluation set.
import { smallSampleWarning, type Metrics } from '@/lib/ml/metrics';
import type { HoldoutChoices } from '@/lib/schemas/evaluation';
import { db } from '../platform/db';
import { notFound } from '../platform/http';
import { loadVersion } from './models';
import { scoredTarget } from './evaluation';

/** Metric → whether higher is better. */
export const COMPARED_METRICS: { key: string; label: string; higherIsBetter: boolean; read: (m: Metrics) => number | null }[] = [
  { key: 'rocAuc', label: 'ROC-AUC', higherIsBetter: true, read: (m) => m.rocAuc },
  { key: 'averagePrecision', label: 'PR-AUC', higherIsBetter: true, read: (m) => m.averagePrecision },
  { key: 'logLoss', label: 'Log loss', higherIsBetter: false, read: (m) => m.logLoss },
  { key: 'brier', label: 'Brier score', higherIsBetter: false, read: (m) => m.brier },
  { key: 'precision', label: 'Precision @ threshold', higherIsBetter: true, read: (m) => m.confusion?.precision ?? null },
  { key: 'recall', label: 'Recall @ threshold', higherIsBetter: true, read: (m) => m.confusion?.recall ?? null },
  { key: 'f1', label: 'F1 @ threshold', higherIsBetter: true, read: (m) => m.confusion?.f1 ?? null },
];

export async function compareVersions(ids: string[]) {
  const rows = await db().modelVersion.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, version: true, kind: true, eventType: true, algorithm: true, stage: true, params: true, metrics: true, threshold: true, evalSetKey: true, trainingMs: true, createdAt: true,
      model: { select: { name: true } }, datasetVersion: { select: { id: true, version: true, dataset: { select: { name: true } } } },
    },
  });
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw notFound(`Model version ${missing.join(', ')}`);
  const versions = ids.map((id) => rows.find((r) => r.id === id)!);

  const keys = new Set(versions.map((v) => v.evalSetKey));
  const sameEvaluationSet = keys.size === 1 && !keys.has(null);
  // A winner is only marked when every version was scored on the same rows: otherwise the numbers measure different things.
  const metrics = COMPARED_METRICS.map(({ key, label, higherIsBetter, read }) => {
    const values = versions.map((v) => read(v.metrics as unknown as Metrics));
    const finite = values.filter((x): x is number => x !== null && Number.isFinite(x));
    const best = finite.length ? finite.reduce((a, b) => (higherIsBetter ? Math.max(a, b) : Math.min(a, b))) : null;
    return { key, label, higherIsBetter, values, best: values.map((x) => sameEvaluationSet && x !== null && x === best && finite.length > 1) };
  });

  const paramNames = [...new Set(versions.flatMap((v) => Object.keys((v.params as Record<string, unknown>) ?? {})))].sort();
  const params = paramNames.map((name) => {
    const values = versions.map((v) => (v.params as Record<string, unknown>)?.[name] ?? null);
    return { name, values, differs: new Set(values.map((x) => JSON.stringify(x))).size > 1 };
  });

  const validation = await Promise.all(versions.map(validationOf));
  return {
    versions: versions.map((v, i) => ({ id: v.id, label: `${v.model.name} v${v.version}`, kind: v.kind, eventType: v.eventType, algorithm: v.algorithm, stage: v.stage, threshold: v.threshold, trainingMs: v.trainingMs, createdAt: v.createdAt, metrics: v.metrics, validation: validation[i] })),
    metrics,
    params,
    sameEvaluationSet,
    sameKind: new Set(versions.map((v) => v.kind)).size === 1,
    holdouts: await holdoutChoices(versions),
  };
}

interface VersionRow { id: string; metrics: unknown; datasetVersion: { id: string; version: number; dataset: { name: string } } | null }

/** Which rows a version's stored metrics come from: its dataset version, the split, and the validation class counts. */
async function validationOf(v: VersionRow) {
  const m = v.metrics as unknown as Metrics;
  const training = (await loadVersion(v.id)).model.training;
  const positives = m.positives ?? 0, rows = m.n ?? training?.validRows ?? 0;
  return {
    dataset: v.datasetVersion ? { versionId: v.datasetVersion.id, name: v.datasetVersion.dataset.name, version: v.datasetVersion.version } : null,
    split: training?.split ?? null,
    timestampColumn: training?.timestampColumn ?? null,
    trainRows: training?.trainRows ?? null,
    rows, positives,
    smallSample: rows ? smallSampleWarning(positives, rows - positives) : null,
  };
}

/** Dataset versions every compared version can be evaluated on: only when they all score one kind or event type. */
async function holdoutChoices(versions: { kind: string; eventType: string | null }[]): Promise<HoldoutChoices | null> {
  const targets = new Set(versions.map((v) => { const t = scoredTarget(v); return `${t.kind}:${t.eventType ?? ''}`; }));
  if (targets.size !== 1) return null;
  const { kind, eventType } = scoredTarget(versions[0]);
  const rows = await db().datasetVersion.findMany({
    where: eventType ? { eventType } : { eventType: null, dataset: { kind } },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, version: true, rowCount: true, positiveCount: true, createdAt: true, dataset: { select: { name: true } } },
  });
  return {
    kind, eventType,
    periods: kind !== 'tabular',
    datasetVersions: rows.map((r) => ({ id: r.id, label: `${r.dataset.name} v${r.version}`, rowCount: r.rowCount, positives: r.positiveCount, createdAt: r.createdAt.toISOString() })),
  };
}

export type Comparison = Awaited<ReturnType<typeof compareVersions>>;
