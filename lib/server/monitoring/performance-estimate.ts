// Performance before labels: CBPE (lib/ml/cbpe) over every scored item of a UTC day, from the stored
// score and the decision actually taken, next to the realised metrics where labels exist.
import { estimatePerformance } from '@/lib/ml/cbpe';
import { rocAuc as realisedAuc } from '@/lib/ml/metrics';
import type { Kind } from '@/lib/schemas/models';
import { typeOfKind } from '@/lib/schemas/scope';
import { db } from '../platform/db';
import { productionScaler } from '../decisions/expected-rate';
import { FLAGGED_DECISIONS } from '@/lib/ml/threshold';
import { DAY_MS } from '../platform/days';

const BATCH = 5_000;

export interface EstimatedMetrics { n: number; expectedPositives: number; precision: number | null; recall: number | null; fpr: number | null; rocAuc: number | null }
export type MetricGap = { precision: number | null; recall: number | null; rocAuc: number | null };
export interface DayEstimate {
  /** null when the day has no scored items. */
  estimated: EstimatedMetrics | null;
  /** Realised ROC-AUC of the labelled, scored items; null below minLabels or with one class only. */
  rocAuc: number | null;
}
export interface Scope { kind: Kind; eventType?: string }

interface ScoredRow { id: string; occurredAt: Date; score: number | null; decision: string | null; label: string | null; modelVersionId: string | null }

/** One page of a day's scored rows in (occurredAt, id) order, after the last row of the previous page. */
function page({ kind, eventType }: Scope, start: Date, end: Date, after: ScoredRow | null): Promise<ScoredRow[]> {
  const where = {
    // The range starts at the cursor so the index seeks there; the OR only settles ties on that instant.
    score: { not: null }, decision: { not: null }, occurredAt: { gte: after ? after.occurredAt : start, lt: end },
    ...(after ? { OR: [{ occurredAt: { gt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { gt: after.id } }] } : {}),
  };
  const query = { orderBy: [{ occurredAt: 'asc' as const }, { id: 'asc' as const }], take: BATCH, select: { id: true, occurredAt: true, score: true, decision: true, label: true, modelVersionId: true } };
  return db().event.findMany({ where: { ...where, eventType: eventType ?? typeOfKind(kind) }, ...query });
}

/** A typed array that doubles when full, so a day of a million scores never sits in a JS array. */
class Grow<T extends Float64Array | Uint8Array> {
  n = 0;
  constructor(public data: T, private make: (size: number) => T) {}
  push(v: number) {
    if (this.n === this.data.length) { const next = this.make(this.data.length * 2); next.set(this.data); this.data = next; }
    this.data[this.n++] = v;
  }
  view(): T { return this.data.subarray(0, this.n) as T; }
}

/** Streams one day's scored items (5k a page) and estimates from all of them, labelled or not. */
export async function estimateDay(scope: Scope, start: Date, minLabels: number): Promise<DayEstimate> {
  const end = new Date(start.getTime() + DAY_MS);
  const p = new Grow(new Float64Array(BATCH), (s) => new Float64Array(s)), flagged = new Grow(new Uint8Array(BATCH), (s) => new Uint8Array(s));
  const labelledP = new Grow(new Float64Array(256), (s) => new Float64Array(s)), labelledY = new Grow(new Uint8Array(256), (s) => new Uint8Array(s));
  const scalers = new Map<string | null, (p: number) => number>();
  for (let after: ScoredRow | null = null; ;) {
    const rows = await page(scope, start, end, after);
    for (const r of rows) if (!scalers.has(r.modelVersionId)) scalers.set(r.modelVersionId, await productionScaler(r.modelVersionId));
    for (const r of rows) {
      // A stored score is calibrated at its version's training rate (clamp rounding noise); CBPE needs the
      // production scale, the one the bands were applied to.
      const score = scalers.get(r.modelVersionId)!(Math.min(1, Math.max(0, r.score ?? 0)));
      p.push(score);
      flagged.push(FLAGGED_DECISIONS.has(r.decision ?? '') ? 1 : 0);
      if (r.label === 'fraud' || r.label === 'legit') { labelledP.push(score); labelledY.push(r.label === 'fraud' ? 1 : 0); }
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1];
  }
  if (p.n === 0) return { estimated: null, rocAuc: null };
  const e = estimatePerformance(p.view(), flagged.view());
  const auc = labelledP.n >= minLabels ? realisedAuc(labelledY.view(), labelledP.view()) : NaN;
  return {
    estimated: { n: e.n, expectedPositives: e.expectedPositives, precision: e.precision, recall: e.recall, fpr: e.fpr, rocAuc: e.rocAuc },
    rocAuc: Number.isNaN(auc) ? null : auc,
  };
}

// A finished day's estimate is reused while its (decision, label) counts and score sums are unchanged:
// one grouped query instead of streaming the day again on every page view.
const CACHE_MAX = 2_000;
const cache = new Map<string, { print: string; value: DayEstimate }>();

async function fingerprint({ kind, eventType }: Scope, start: Date): Promise<string> {
  const where = { score: { not: null }, decision: { not: null }, occurredAt: { gte: start, lt: new Date(start.getTime() + DAY_MS) } };
  const agg = { by: ['decision' as const, 'label' as const], _count: { _all: true as const }, _sum: { score: true as const } };
  const groups = await db().event.groupBy({ where: { ...where, eventType: eventType ?? typeOfKind(kind) }, ...agg });
  return groups.map((g) => `${g.decision}|${g.label}|${g._count._all}|${g._sum.score}`).sort().join(';');
}

/** estimateDay, cached per process on the day's fingerprint. */
export async function estimateDayCached(scope: Scope, start: Date, minLabels: number): Promise<DayEstimate> {
  const key = `${scope.eventType ? `event:${scope.eventType}` : scope.kind}|${start.toISOString()}|${minLabels}`;
  const print = await fingerprint(scope, start);
  const hit = cache.get(key);
  if (hit && hit.print === print) return hit.value;
  const value = print === '' ? { estimated: null, rocAuc: null } : await estimateDay(scope, start, minLabels);
  cache.delete(key);
  cache.set(key, { print, value });
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return value;
}

const minus = (a: number | null, b: number | null | undefined) => (a === null || b === null || b === undefined ? null : a - b);

/** Realised − estimated, per metric, where both exist (null when the day has no estimate). */
export function gapOf(realised: { precision: number | null; recall: number | null; rocAuc: number | null }, est: EstimatedMetrics | null): MetricGap | null {
  if (!est) return null;
  return { precision: minus(realised.precision, est.precision), recall: minus(realised.recall, est.recall), rocAuc: minus(realised.rocAuc, est.rocAuc) };
}
