// Drift of an event model: the window's stored events it scored, featurised with its own feature spec and the
// aggregate values stored at ingestion (by name), exactly as ingestion scored them, folded into bin counters.
import { aggregateName } from '@/lib/ml/events/aggregates';
import type { BinCounter } from '@/lib/ml/drift';
import { scoreBin } from '@/lib/ml/drift';
import { featurize, type Row } from '@/lib/ml/features';
import type { LoadedModel } from '@/lib/ml/model-load';
import { db } from '../platform/db';
import { loadVersion } from '../registry/models';
import { modelDefinition } from './serving';
import { fromExactJson } from './state';

// Smaller than the transaction pages: each page is featurised in memory.
const PAGE = 5000;

/** The model's features of stored events: fields from the payload, aggregates as stored (by name; absent = missing). */
export function storedEventFeatures(model: LoadedModel, rows: { payload: unknown; features: unknown }[]) {
  const names = modelDefinition(model).aggregates.map(aggregateName);
  const stored = rows.map((r) => fromExactJson<Record<string, number | null> | null>(r.features) ?? {});
  const aggregates = names.map((name) => stored.map((f) => (typeof f[name] === 'number' ? f[name] : NaN)));
  return { X: featurize(model.model.featureSpec, rows.map((r) => r.payload as Row), { aggregates }), stored };
}

export interface EventWindowAcc { count: number; flagged: number; scores: number[]; features: Map<string, BinCounter> }

export async function accumulateEvents(v: { id: string; stage: string; reviewThreshold: number; eventType: string | null }, start: Date, end: Date, acc: EventWindowAcc): Promise<void> {
  if (!v.eventType) return;
  const shadow = v.stage === 'shadow';
  const model = await loadVersion(v.id);
  const aggregateSet = new Set(modelDefinition(model).aggregates.map(aggregateName));
  let cursor: string | undefined;
  for (;;) {
    const rows = await db().event.findMany({
      where: {
        eventType: v.eventType, occurredAt: { gte: start, lt: end },
        ...(shadow ? { shadowModelVersionId: v.id } : { modelVersionId: v.id }),
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      orderBy: { id: 'asc' }, take: PAGE,
      select: { id: true, payload: true, features: true, score: !shadow, decision: !shadow, shadowScore: shadow },
    });
    if (!rows.length) break;
    const { X, stored } = storedEventFeatures(model, rows);
    const columns = [...acc.features].flatMap(([name, counter]) => {
      const j = X.names.indexOf(name);
      return j < 0 ? [] : [{ name, counter, column: X.columns[j], aggregate: aggregateSet.has(name) }];
    });
    rows.forEach((r, i) => {
      const score = shadow ? r.shadowScore : r.score;
      acc.count++;
      if (typeof score === 'number') acc.scores[scoreBin(score)]++;
      if (shadow ? typeof score === 'number' && score >= v.reviewThreshold : r.decision === 'review' || r.decision === 'block') acc.flagged++;
      // An aggregate the stored definition did not compute was not measured (e.g. a shadow's own): skip it.
      for (const c of columns) if (!c.aggregate || c.name in stored[i]) c.counter.add(c.column[i]);
    });
    if (rows.length < PAGE) break;
    cursor = rows[rows.length - 1].id;
  }
}
