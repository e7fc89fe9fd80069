// Labelled performance per UTC day: how the serving decisions held up once analysts labelled them.
// "Flagged" is the decision actually taken (review or block), so this measures what customers felt.
// Each day also carries the CBPE estimate from all its scored items (monitoring/performance-estimate).
import type { Kind } from '@/lib/schemas/models';
import { raiseAlerts } from '../alerts/alerts';
import { typeOfKind } from '@/lib/schemas/scope';
import { db } from '../platform/db';
import { getMonitorSettings } from './monitor-settings';
import { checkEstimatedPerformance } from './estimate-alerts';
import { estimateDayCached, gapOf, type EstimatedMetrics, type MetricGap } from './performance-estimate';
import { FLAGGED_DECISIONS } from '@/lib/ml/threshold';
import { labelledRates } from '@/lib/ml/labelled-rates';
import { DAY_MS, utcDay } from '../platform/days';


export interface PerformancePoint {
  day: string; // YYYY-MM-DD (UTC)
  scored: number;
  /** Share of all scored items sent to review or block (needs no labels). */
  reviewRate: number | null;
  labels: number;
  /** null when labels < minLabels: too few to mean anything. */
  precision: number | null;
  /** Recall and FPR weigh each labelled item by its side's share labelled (flagged or allowed): lib/ml/labelled-rates. */
  recall: number | null;
  fpr: number | null;
}

export interface PerformancePointWithEstimate extends PerformancePoint {
  /** Realised ROC-AUC of the labelled, scored items; null below minLabels or with one class only. */
  rocAuc: number | null;
  /** CBPE from the stored scores of all the day's scored items, labelled or not; null with no traffic. */
  estimated: EstimatedMetrics | null;
  /** Realised − estimated where both exist. */
  gap: MetricGap | null;
}

/** One day's point from grouped counts of (decision, label): of a kind's transactions, or of an event type's events. */
export async function dayPoint(kind: Kind, start: Date, minLabels: number, eventType?: string): Promise<PerformancePoint> {
  const day = { decision: { not: null }, occurredAt: { gte: start, lt: new Date(start.getTime() + DAY_MS) } };
  const groups = await db().event.groupBy({ by: ['decision', 'label'], where: { ...day, eventType: eventType ?? typeOfKind(kind) }, _count: { _all: true } });
  let scored = 0, flagged = 0, tp = 0, fp = 0, tn = 0, fn = 0;
  for (const g of groups) {
    const n = g._count._all, flag = FLAGGED_DECISIONS.has(g.decision ?? '');
    scored += n;
    if (flag) flagged += n;
    if (g.label === 'fraud') { if (flag) tp += n; else fn += n; } else if (g.label === 'legit') { if (flag) fp += n; else tn += n; }
  }
  const labels = tp + fp + tn + fn;
  const enough = labels >= minLabels;
  const rates = labelledRates({ tp, fp, tn, fn }, flagged, scored - flagged);
  return {
    day: start.toISOString().slice(0, 10), scored, reviewRate: scored ? flagged / scored : null, labels,
    precision: enough ? rates.precision : null, recall: enough ? rates.recall : null, fpr: enough ? rates.fpr : null,
  };
}

/** The last `days` UTC days up to and including today, oldest first (an event type's settings key is event:<type>). */
export async function performanceSeries(kind: Kind, opts: { days?: number; now?: Date; eventType?: string } = {}) {
  const settings = await getMonitorSettings(opts.eventType ? `event:${opts.eventType}` : kind);
  const today = utcDay(opts.now ?? new Date());
  const days = opts.days ?? 30;
  const starts = Array.from({ length: days }, (_, i) => new Date(today.getTime() - (days - 1 - i) * DAY_MS));
  const labelled = await Promise.all(starts.map((s) => dayPoint(kind, s, settings.minLabels, opts.eventType)));
  // One day at a time: a day's scores are held in memory while it is estimated.
  const points: PerformancePointWithEstimate[] = [];
  for (const [i, point] of labelled.entries()) {
    const { estimated, rocAuc } = point.scored ? await estimateDayCached({ kind, eventType: opts.eventType }, starts[i], settings.minLabels) : { estimated: null, rocAuc: null };
    points.push({ ...point, rocAuc, estimated, gap: gapOf({ ...point, rocAuc }, estimated) });
  }
  return { kind, ...(opts.eventType ? { eventType: opts.eventType } : {}), minLabels: settings.minLabels, precisionTarget: settings.precisionTarget, recallTarget: settings.recallTarget, points };
}

/**
 * Yesterday's labelled and estimated (CBPE) performance against the kind's targets: one 'performance' alert
 * per day and kind for the labelled miss, one per day and metric for an estimate below its floor.
 * Returns the labelled alert's title, else the first estimate alert's, if any.
 */
export async function checkPerformanceTargets(kind: Kind, opts: { now?: Date } = {}): Promise<string | null> {
  const labelled = await checkLabelledTargets(kind, opts);
  const estimated = await checkEstimatedPerformance({ kind }, opts);
  return labelled ?? estimated[0] ?? null;
}

async function checkLabelledTargets(kind: Kind, opts: { now?: Date }): Promise<string | null> {
  const s = await getMonitorSettings(kind);
  if (s.precisionTarget === null && s.recallTarget === null) return null;
  const point = await dayPoint(kind, new Date(utcDay(opts.now ?? new Date()).getTime() - DAY_MS), s.minLabels);
  if (point.precision === null || point.recall === null) return null;
  const misses = [
    s.precisionTarget !== null && point.precision < s.precisionTarget ? `precision ${point.precision.toFixed(3)} < ${s.precisionTarget}` : null,
    s.recallTarget !== null && point.recall < s.recallTarget ? `recall ${point.recall.toFixed(3)} < ${s.recallTarget}` : null,
  ].filter((m): m is string => m !== null);
  if (!misses.length) return null;
  // The title names kind and day, so it is also the once-per-day key.
  const title = `Labelled performance below target: ${kind} on ${point.day}`;
  if (await db().alert.findFirst({ where: { type: 'performance', title }, select: { id: true } })) return null;
  await raiseAlerts([{ type: 'performance', severity: 'warning', title, payload: { kind, ...point, misses, precisionTarget: s.precisionTarget, recallTarget: s.recallTarget } }]);
  return title;
}
