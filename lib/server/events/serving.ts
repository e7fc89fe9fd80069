// The models of an event type: one production and one shadow version in the slot event:<type>. A model carries
// the definition it was trained on (its feature spec), so its aggregates are computed with that definition
// even after the type is edited.
import type { EventTypeDefinition } from '@/lib/ml/events/definition';
import type { AggregateDef } from '@/lib/ml/events/definition';
import { aggregateName } from '@/lib/ml/events/aggregates';
import type { LoadedModel } from '@/lib/ml/model';
import type { Bands } from '@/lib/ml/threshold';
import { db } from '../platform/db';
import { ApiError, notFound } from '../platform/http';
import { expectedRate } from '../decisions/expected-rate';
import { loadVersion } from '../registry/models';
import { current } from '../decisions/scoring';
import { definitionOf } from './event-types';

export const eventSlot = (type: string) => `event:${type}`;

/**
 * prodRate: the expected production fraud rate probabilities are corrected to before banding (null: none).
 * legacy: a card or email model serving its built-in type; it reads the raw event (and, for cards, the card's
 * earlier events) through its own featuriser instead of aggregates, so its definition carries none.
 */
export interface EventScorer {
  versionId: string; model: LoadedModel; bands: Bands; prodRate: number | null; definition: EventTypeDefinition; typeVersion: number | null;
  legacy: 'transaction' | 'email' | null;
}

/** The definition snapshot inside an event model's feature spec. */
export function modelDefinition(model: LoadedModel): EventTypeDefinition {
  const spec = model.model.featureSpec;
  if (spec.kind !== 'event') throw new ApiError(422, 'kind_mismatch', `This model scores ${spec.kind} data, not events.`);
  return spec.event.definition;
}

async function scorer(id: string, bands: Bands, type: string): Promise<EventScorer> {
  const model = await loadVersion(id);
  const row = await db().modelVersion.findUnique({ where: { id }, select: { eventTypeVersion: true, servingSlot: true } });
  const { rate } = await expectedRate(row?.servingSlot ?? '', id, model.model);
  const kind = model.model.featureSpec.kind;
  const legacy = kind === 'transaction' || kind === 'email' ? kind : null;
  const definition = legacy ? { ...(await definitionOf(type)).definition, aggregates: [] } : modelDefinition(model);
  return { versionId: id, model, bands, prodRate: rate, definition, typeVersion: row?.eventTypeVersion ?? null, legacy };
}

export async function servingScorers(type: string): Promise<{ production: EventScorer | null; shadow: EventScorer | null }> {
  const [p, s] = await Promise.all([current(eventSlot(type), 'production'), current(eventSlot(type), 'shadow')]);
  return { production: p ? await scorer(p.id, p.bands, type) : null, shadow: s ? await scorer(s.id, s.bands, type) : null };
}

/** A named version (it must be an event model of this type), or the production one (409 when none). */
export async function scorerForType(type: string, versionId?: string): Promise<EventScorer> {
  if (versionId) {
    const v = await db().modelVersion.findUnique({ where: { id: versionId }, select: { eventType: true, reviewThreshold: true, blockThreshold: true } });
    if (!v) throw notFound('Model version');
    if (v.eventType !== type) throw new ApiError(422, 'kind_mismatch', `Model version ${versionId} does not score ${type} events.`);
    return scorer(versionId, { review: v.reviewThreshold, block: v.blockThreshold }, type);
  }
  const { production } = await servingScorers(type);
  if (!production) throw new ApiError(409, 'no_model', `No ${type} model is in production yet: import a dataset of this type, train and promote.`);
  return production;
}

const unions = new Map<string, EventTypeDefinition>();

/**
 * The definition entity state is folded with: the type's current one plus the aggregates (and their fields) of
 * the serving models' definitions, so an edit that drops an aggregate never starves a model that still uses it.
 */
export function foldDefinition(currentDef: EventTypeDefinition, others: EventTypeDefinition[]): EventTypeDefinition {
  const key = JSON.stringify([currentDef, others]);
  const hit = unions.get(key);
  if (hit) return hit;
  const fields = [...currentDef.fields];
  const aggregates: AggregateDef[] = [...currentDef.aggregates];
  const seen = new Set(aggregates.map(aggregateName));
  for (const d of others) {
    for (const f of d.fields) if (!fields.some((x) => x.name === f.name)) fields.push(f);
    for (const a of d.aggregates) if (!seen.has(aggregateName(a))) { seen.add(aggregateName(a)); aggregates.push(a); }
  }
  const union = { ...currentDef, fields, aggregates };
  if (unions.size > 100) unions.clear();
  unions.set(key, union);
  return union;
}
