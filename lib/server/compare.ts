// Side-by-side comparison of 2–4 versions: metrics with the better value marked, a params diff,
// and whether they were scored on the same evaluation set.
import type { Metrics } from '@/lib/ml/metrics';
import { db } from './db';
import { notFound } from './http';

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
    select: { id: true, version: true, kind: true, algorithm: true, stage: true, params: true, metrics: true, threshold: true, evalSetKey: true, trainingMs: true, createdAt: true, model: { select: { name: true } } },
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

  return {
    versions: versions.map((v) => ({ id: v.id, label: `${v.model.name} v${v.version}`, kind: v.kind, algorithm: v.algorithm, stage: v.stage, threshold: v.threshold, trainingMs: v.trainingMs, createdAt: v.createdAt, metrics: v.metrics })),
    metrics,
    params,
    sameEvaluationSet,
    sameKind: new Set(versions.map((v) => v.kind)).size === 1,
  };
}
