// Scoring events without storing them: the same validation and the same aggregates as ingestion, read-only
// (stored entity state, plus the earlier events of the same request folded in memory).
import { aggregateName, aggregateValues, entityKeys, type EntityState, foldEvent } from '@/lib/ml/events/aggregates';
import type { Row } from '@/lib/ml/features';
import { decideInProduction } from '@/lib/ml/probability';
import type { ScoreEventsInput } from '@/lib/schemas/events';
import { db } from '../platform/db';
import { ApiError } from '../platform/http';
import { countScore } from '../platform/metrics';
import { definitionOf } from './event-types';
import { explainEvent, riskScore } from './explain';
import { scorerForType } from './serving';
import { cardHistory, cardTimeline } from './legacy-models';
import { readStates, stateKey } from './state';
import { errorFields, validateEvents } from './validate';

export async function scoreEvents(type: string, input: ScoreEventsInput) {
  const { definition, builtIn } = await definitionOf(type);
  const scorer = await scorerForType(type, input.modelVersionId);
  const records = input.event ? [input.event] : input.events!;
  const { valid, errors, ignored } = validateEvents(definition, records, { fill: builtIn });
  if (input.event && errors.length) throw new ApiError(422, 'invalid_record', 'The event is invalid.', errorFields(errors));

  const def = scorer.definition;
  const ordered = [...valid].sort((a, b) => a.seconds - b.seconds || a.index - b.index);
  const rows = ordered.map((v) => v.record as Row);
  // A model without aggregates (a card or email model) reads no entity state: neither read it nor fold it.
  const keysOf = rows.map((r) => (def.aggregates.length ? entityKeys(def, r) : []));
  const stored = keysOf.some((k) => k.length) ? await readStates(db(), type, keysOf.flat()) : new Map<string, EntityState>();
  const local = new Map<string, EntityState>();
  // A card model reads the cards' earlier payments; later events of the request see the earlier ones.
  const timeline = cardTimeline(scorer.legacy === 'transaction' ? await cardHistory(rows) : []);
  const stateOf = (entity: string, key: string) => local.get(stateKey(entity, key)) ?? stored.get(stateKey(entity, key));

  const scored = ordered.map((v, i) => {
    const aggregates = aggregateValues(def, rows[i], v.seconds, stateOf);
    for (const { entity, key } of keysOf[i]) local.set(stateKey(entity, key), foldEvent(def, rows[i], v.seconds, entity, stateOf(entity, key)));
    const e = explainEvent(scorer, rows[i], aggregates, timeline.before(rows[i]));
    timeline.add(rows[i]);
    const { probability, decision } = decideInProduction(scorer.model.model, e.probability, scorer.bands, scorer.prodRate);
    countScore('event', decision);
    return {
      index: v.index, externalId: v.externalId, probability, calibratedProbability: e.probability, expectedFraudRate: scorer.prodRate,
      score: riskScore(probability)!, decision,
      reasons: e.reasons, modelVersionId: scorer.versionId, typeVersion: scorer.typeVersion, thresholds: scorer.bands,
      aggregates: Object.fromEntries(def.aggregates.map((a, k) => [aggregateName(a), Number.isFinite(aggregates[k]) ? aggregates[k] : null])),
    };
  });
  if (input.event) return { ...scored[0], ignored };
  const results = [
    ...scored,
    ...errors.map((e) => ({ index: e.index, error: { code: 'invalid_record', fields: e.fields } })),
  ].sort((a, b) => a.index - b.index);
  return { results, modelVersionId: scorer.versionId, typeVersion: scorer.typeVersion, ignored };
}
