// Requests about events of an event type: scoring, ingestion, search, labels and export.
import { z } from 'zod';
import { IdString, INT32_MAX, safeString } from './common';
import { EventTypeName } from './event-types';
import { Label } from './reviews';
import { MAX_BATCH } from './scoring';

export { EventTypeName };

/** One event as the client sends it: flat fields of JSON scalars (validated per field type by the service). */
export const EventRecord = z.record(
  safeString(120).min(1),
  z.union([safeString(10_000), z.number().finite(), z.boolean(), z.null()]),
).refine((r) => Object.keys(r).length <= 500, 'At most 500 fields per event.');
export type EventRecord = z.infer<typeof EventRecord>;

const batch = z.array(EventRecord).min(1, 'Send at least one event.').max(MAX_BATCH, `At most ${MAX_BATCH} events per request.`);

export const TypeParam = z.object({ type: EventTypeName }).strict();
export const NameParam = z.object({ name: EventTypeName }).strict();
/** /api/events/{ref}: an event id (GET, label) or an event type name (POST ingestion) share one path segment. */
export const RefParam = z.object({ ref: IdString }).strict();

export const IngestEventsInput = z.object({ events: batch }).strict();

export const ScoreEventsInput = z
  .object({ event: EventRecord.optional(), events: batch.optional(), modelVersionId: IdString.optional() })
  .strict()
  .refine((b) => (b.event === undefined) !== (b.events === undefined), 'Send either "event" (one) or "events" (a list), not both.');
export type ScoreEventsInput = z.infer<typeof ScoreEventsInput>;

export const EventLabelInput = z
  .object({
    label: Label,
    /** The event's `version` as last seen: a mismatch is a 409 instead of an overwrite. */
    version: z.number().int().min(0).max(INT32_MAX).optional(),
  })
  .strict();
export type EventLabelInput = z.infer<typeof EventLabelInput>;

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const instant = z.iso.datetime({ offset: true }).or(z.iso.date()).refine((s) => {
  const t = Date.parse(s);
  return t >= Date.UTC(1900, 0, 1) && t < Date.UTC(2201, 0, 1);
}, 'Dates must lie between 1900 and 2200.');

export const EVENT_DECISIONS = ['allow', 'review', 'block', 'unscored'] as const;
export const EVENT_LABELS = ['fraud', 'legit', 'unlabelled'] as const;

export const EventFilter = z.object({
  type: opt(EventTypeName),
  decision: opt(z.enum(EVENT_DECISIONS)),
  label: opt(z.enum(EVENT_LABELS)),
  /** ISO date or date-time; a bare date `to` includes that whole day. */
  from: opt(instant),
  to: opt(instant),
  /** `entity:key`, e.g. `buyer:b-17`. */
  entity: opt(safeString(300).regex(/^[a-z][a-z0-9_]{0,39}:.+$/, 'Use entity:key, e.g. customer:c-17.')),
  /** Prefix of the external id. */
  q: opt(safeString(200).trim()),
  /** Bounds on the type's amount field (inclusive). */
  minAmount: opt(z.coerce.number().finite().min(-1e12).max(1e12)),
  maxAmount: opt(z.coerce.number().finite().min(-1e12).max(1e12)),
});

export const EventSearchQuery = EventFilter.extend({
  cursor: opt(IdString),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EventSearchQuery = z.infer<typeof EventSearchQuery>;

export const EventExportQuery = EventFilter.extend({ type: EventTypeName });
export type EventExportQuery = z.infer<typeof EventExportQuery>;
