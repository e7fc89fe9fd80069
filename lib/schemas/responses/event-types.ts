// Response contracts of event types (/api/event-types…), event ingestion and scoring events of a type.
import { z } from 'zod';
import { AGGREGATE_FNS, FIELD_TYPES, WINDOWS } from '@/lib/ml/events/definition';
import { Decision, IsoTime, Reason } from './common';
import type { JsonOf } from './served';

/** A stored definition as it reads back (the input schema's cross-field rules held when it was saved). */
export const EventTypeDefinitionView = z.object({
  name: z.string(),
  label: z.string().optional(),
  idField: z.string(),
  timeField: z.string(),
  amountField: z.string().optional(),
  fields: z.array(z.object({ name: z.string(), type: z.enum(FIELD_TYPES), entity: z.string().optional(), sensitive: z.boolean().optional() })),
  aggregates: z.array(z.object({ entity: z.string(), fn: z.enum(AGGREGATE_FNS), field: z.string().optional(), window: z.enum(WINDOWS).optional() })),
});

export const EventTypeSummary = z.object({
  name: z.string(),
  label: z.string().nullable(),
  currentVersion: z.number().int(),
  builtIn: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  definition: EventTypeDefinitionView,
});

export const EventTypeList = z.object({ items: z.array(EventTypeSummary) });
export type EventTypeList = JsonOf<z.infer<typeof EventTypeList>>;

/** Every version of the definition, newest first. */
export const EventTypeDetail = EventTypeSummary.extend({
  versions: z.array(z.object({ version: z.number().int(), definition: EventTypeDefinitionView, createdById: z.string().nullable(), createdAt: IsoTime })),
});
export type EventTypeDetail = JsonOf<z.infer<typeof EventTypeDetail>>;

/** A suggested definition from the head of a CSV; nothing stored. */
export const InferredEventType = z.object({ definition: EventTypeDefinitionView, ignored: z.array(z.string()), notes: z.array(z.string()), rowsRead: z.number().int() });
export type InferredEventType = JsonOf<z.infer<typeof InferredEventType>>;

export const IngestEventsAnswer = z.object({
  received: z.number().int(),
  stored: z.number().int(),
  /** External ids already stored: nothing changed for them. */
  duplicates: z.array(z.string()),
  flagged: z.number().int(),
  /** Fields the definition does not name: kept in the payload, unused by features. */
  ignored: z.array(z.string()),
  typeVersion: z.number().int(),
  modelVersionId: z.string().nullable(),
  shadowVersionId: z.string().nullable(),
  results: z.array(z.object({ id: z.string(), externalId: z.string(), score: z.number().nullable(), probability: z.number().nullable(), decision: Decision.nullable(), duplicate: z.literal(true).optional() })),
});
export type IngestEventsAnswer = JsonOf<z.infer<typeof IngestEventsAnswer>>;

/** One scored event (not stored): production-scale probability, 0–99 score, decision and its aggregates. */
export const ScoredEvent = z.object({
  index: z.number().int(),
  externalId: z.string(),
  probability: z.number(),
  calibratedProbability: z.number(),
  expectedFraudRate: z.number().nullable(),
  score: z.number(),
  decision: Decision,
  reasons: z.array(Reason),
  modelVersionId: z.string(),
  /** The definition version the model was trained on (null for models without one). */
  typeVersion: z.number().int().nullable(),
  thresholds: z.object({ review: z.number(), block: z.number() }),
  /** Per aggregate name; null where it is not a finite number. */
  aggregates: z.record(z.string(), z.number().nullable()),
});

/** { event } answers one scored event; { events } a list in input order, an invalid record carrying its error. */
export const ScoreEventsAnswer = z.union([
  ScoredEvent.extend({ ignored: z.array(z.string()) }),
  z.object({
    results: z.array(z.union([ScoredEvent, z.object({ index: z.number().int(), error: z.object({ code: z.string(), fields: z.record(z.string(), z.array(z.string())) }) })])),
    modelVersionId: z.string(),
    typeVersion: z.number().int().nullable(),
    ignored: z.array(z.string()),
  }),
]);
export type ScoreEventsAnswer = JsonOf<z.infer<typeof ScoreEventsAnswer>>;
