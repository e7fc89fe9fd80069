// Ingestion of events of one type: validate (all or nothing), then in ONE transaction under the type's lock:
// skip ids already stored, compute each event's aggregates from entity state (before the event), score with
// the production and shadow models, fold the event into the state, store events, entity links and states.
import { aggregateName, aggregateValues, entityKeys, type EntityState, foldEvent } from '@/lib/ml/events/aggregates';
import type { EventTypeDefinition } from '@/lib/ml/events/definition';
import { featurize, type Row } from '@/lib/ml/features';
import type { Decision } from '@/lib/ml/threshold';
import { decideInProduction } from '@/lib/ml/probability';
import type { EventRecord } from '@/lib/schemas/events';
import { createAlerts } from '../alerts/alerts';
import { db } from '../platform/db';
import { ApiError } from '../platform/http';
import { countScore } from '../platform/metrics';
import { isUniqueViolation } from '../platform/db-errors';
import { lockForTransaction } from '../platform/tx-lock';
import type { Principal } from '../access/principal';
import { queueDeliveries } from '../alerts/webhooks';
import { definitionOf } from './event-types';
import { eventReasons, riskScore } from './explain';
import { type EventScorer, foldDefinition, servingScorers } from './serving';
import { cardHistory, cardTimeline, monitoredValues } from './legacy-models';
import { exactJson, readStates, stateKey, writeStates } from './state';
import { errorFields, type ValidEvent, validateEvents } from './validate';

export interface IngestResult {
  received: number;
  stored: number;
  /** External ids already stored (re-sent): nothing changed for them. */
  duplicates: string[];
  flagged: number;
  /** Fields the definition does not name: kept in the payload, not used by features. */
  ignored: string[];
  typeVersion: number;
  modelVersionId: string | null;
  shadowVersionId: string | null;
  results: { id: string; externalId: string; score: number | null; probability: number | null; decision: Decision | null; duplicate?: true }[];
}

const MAX_ATTEMPTS = 5;

export async function ingestEvents(type: string, records: EventRecord[], _actor: Principal | null): Promise<IngestResult> {
  const { definition, version, builtIn } = await definitionOf(type);
  const { valid, errors, ignored } = validateEvents(definition, records, { fill: builtIn });
  if (errors.length) throw new ApiError(422, 'invalid_records', `${errors.length} of ${records.length} events are invalid; nothing was stored.`, errorFields(errors));
  const seen = new Map<string, number>();
  const repeats: Record<string, string[]> = {};
  for (const v of valid) {
    if (seen.has(v.externalId)) repeats[`events.${v.index}.${definition.idField}`] = [`Repeats event ${seen.get(v.externalId)} of the batch.`];
    else seen.set(v.externalId, v.index);
  }
  if (Object.keys(repeats).length) throw new ApiError(422, 'duplicate_ids', `The id field '${definition.idField}' repeats within the batch; nothing was stored.`, repeats);
  const scorers = await servingScorers(type);
  // A concurrent batch may store some of the same ids first (SQLite has no advisory lock to queue on): the
  // unique index refuses ours and the next attempt reads them back as duplicates.
  for (let attempt = 1; ; attempt++) {
    try {
      return await store(type, definition, version, valid, ignored, scorers, records.length);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new ApiError(409, 'conflict', 'Other requests kept storing the same events; send the batch again.');
    }
  }
}

type Scored = { probabilities: Float64Array; aggregates: number[][]; monitored?: Record<string, number | null>[] } | null;

async function store(
  type: string, def: EventTypeDefinition, typeVersion: number, valid: ValidEvent[], ignored: string[],
  scorers: { production: EventScorer | null; shadow: EventScorer | null }, received: number,
): Promise<IngestResult> {
  const { production, shadow } = scorers;
  const foldDef = foldDefinition(def, [production, shadow].flatMap((s) => (s ? [s.definition] : [])));
  const { outcome, alerts } = await db().$transaction(async (tx) => {
    // Ingestion of one type is serialised, so two batches touching one key never lose an update.
    await lockForTransaction(tx, `events:${type}`);
    const existing = [];
    // Prisma refuses more than 999 bound parameters on SQLite: look the ids up in slices.
    for (let i = 0; i < valid.length; i += 500) {
      for (const e of await tx.event.findMany({ where: { eventType: type, externalId: { in: valid.slice(i, i + 500).map((v) => v.externalId) } }, select: { id: true, externalId: true, score: true, decision: true } })) existing.push(e);
    }
    const known = new Map(existing.map((e) => [e.externalId, e]));
    const fresh = valid.filter((v) => !known.has(v.externalId)).sort((a, b) => a.seconds - b.seconds || a.index - b.index);
    const rows = fresh.map((v) => v.record as Row);
    const keysOf = rows.map((r) => entityKeys(foldDef, r));
    const stored = await readStates(tx, type, keysOf.flat());
    const changed = new Map<string, { entity: string; key: string; state: EntityState }>();
    const stateOf = (entity: string, key: string) => changed.get(stateKey(entity, key))?.state ?? stored.get(stateKey(entity, key));

    // Each event is valued before it is folded in, in time order: exactly what the training replay does.
    const features: number[][] = [];
    const forModel = new Map<EventScorer, number[][]>();
    for (const s of [production, shadow]) if (s) forModel.set(s, []);
    // A model trained on the current definition reads the same aggregates: compute them once per event.
    const sameAsType = new Map([...forModel.keys()].map((s) => [s, JSON.stringify(s.definition.aggregates) === JSON.stringify(def.aggregates)]));
    fresh.forEach((v, i) => {
      const own = aggregateValues(def, rows[i], v.seconds, stateOf);
      features.push(own);
      for (const [s, list] of forModel) list.push(sameAsType.get(s) ? own : aggregateValues(s.definition, rows[i], v.seconds, stateOf));
      for (const { entity, key } of keysOf[i]) {
        changed.set(stateKey(entity, key), { entity, key, state: foldEvent(foldDef, rows[i], v.seconds, entity, stateOf(entity, key)) });
      }
    });
    // A card model reads the cards' earlier payments; later events of the batch see the earlier ones.
    const history = [production, shadow].some((s) => s?.legacy === 'transaction') ? await cardHistory(rows, tx) : [];
    const timeline = cardTimeline(history);
    const before = rows.map((r) => {
      const earlier = timeline.before(r);
      timeline.add(r);
      return earlier;
    });
    const score = (s: EventScorer | null): Scored => {
      if (!s || !rows.length) return null;
      const perRow = forModel.get(s)!;
      if (s.legacy) {
        const X = featurize(s.model.model.featureSpec, rows, s.legacy === 'transaction' ? { history } : {});
        // Its drift baseline reads these values back from the stored features.
        return { probabilities: s.model.scoreMatrix(X), aggregates: perRow, monitored: rows.map((_, i) => monitoredValues(s.model.model, X, i)) };
      }
      const columns = s.definition.aggregates.map((_, k) => perRow.map((vals) => vals[k]));
      return { probabilities: s.model.scoreRows(rows, { aggregates: columns }), aggregates: perRow };
    };
    const main = score(production);
    const second = score(shadow);

    const data = fresh.map((v, i) => {
      const p = main?.probabilities[i];
      const decision = production && p !== undefined ? decideInProduction(production.model.model, p, production.bands, production.prodRate).decision : null;
      // Reasons only for flagged events: they are the ones a person reads.
      const reasons = production && decision && decision !== 'allow' ? eventReasons(production, rows[i], main!.aggregates[i], before[i]) : undefined;
      return {
        eventType: type, typeVersion, externalId: v.externalId, occurredAt: v.occurredAt, amount: v.amount, payload: v.record as never,
        features: exactJson({ ...Object.fromEntries(def.aggregates.map((a, k) => [aggregateName(a), finiteOrNull(features[i][k])])), ...main?.monitored?.[i] }),
        score: p ?? null, modelVersionId: production?.versionId ?? null, decision, reasons: reasons as never,
        shadowScore: second?.probabilities[i] ?? null, shadowModelVersionId: shadow?.versionId ?? null,
      };
    });
    const created = data.length ? await tx.event.createManyAndReturn({ data, select: { id: true, externalId: true, occurredAt: true } }) : [];
    const idOf = new Map(created.map((c) => [c.externalId, c.id]));
    const links = fresh.flatMap((v, i) => keysOf[i].map(({ entity, key }) => ({ eventId: idOf.get(v.externalId)!, eventType: type, entity, key, occurredAt: v.occurredAt })));
    for (let i = 0; i < links.length; i += 1000) await tx.eventEntity.createMany({ data: links.slice(i, i + 1000) });
    await writeStates(tx, type, changed);

    const flagged = data.filter((d) => d.decision === 'review' || d.decision === 'block');
    const alerts = await createAlerts(tx, flagged.map((d) => ({
      type: 'high_risk' as const, severity: d.decision === 'block' ? ('critical' as const) : ('warning' as const), eventId: idOf.get(d.externalId),
      title: `${d.decision === 'block' ? 'Blocked' : 'Review'}: ${type} ${d.externalId} (${Math.round((d.score ?? 0) * 100)}% risk)`,
      payload: { eventId: idOf.get(d.externalId), eventType: type, externalId: d.externalId, decision: d.decision, score: d.score },
    })));
    const byExternal = new Map(data.map((d) => [d.externalId, d]));
    const results = valid.map((v) => {
      const old = known.get(v.externalId);
      if (old) return { id: old.id, externalId: v.externalId, score: riskScore(old.score), probability: old.score, decision: old.decision as Decision | null, duplicate: true as const };
      const d = byExternal.get(v.externalId)!;
      return { id: idOf.get(v.externalId)!, externalId: v.externalId, score: riskScore(d.score), probability: d.score, decision: d.decision };
    });
    return {
      alerts,
      outcome: {
        received, stored: data.length, duplicates: existing.map((e) => e.externalId), flagged: flagged.length, ignored, typeVersion,
        modelVersionId: production?.versionId ?? null, shadowVersionId: shadow?.versionId ?? null, results,
      },
    };
  }, { timeout: 60_000, maxWait: 30_000 });
  await queueDeliveries(alerts);
  for (const band of ['allow', 'review', 'block'] as const) countScore('event', band, outcome.results.filter((r) => !r.duplicate && r.decision === band).length);
  return outcome;
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);
