// Response contracts of the event list (/api/events) and an event type's review queue (/api/review/queue?type=).
import { z } from 'zod';
import { IsoTime, Reason } from './common';
import type { JsonOf } from './served';

/** A stored event, sensitive fields masked as its type's definition says. */
export const EventItem = z.object({
  id: z.string(),
  eventType: z.string(),
  typeVersion: z.number().int(),
  externalId: z.string(),
  occurredAt: IsoTime,
  amount: z.number().nullable(),
  payload: z.unknown(),
  features: z.unknown(),
  score: z.number().nullable(),
  modelVersionId: z.string().nullable(),
  decision: z.string().nullable(),
  reasons: z.array(Reason).nullable(),
  shadowScore: z.number().nullable(),
  shadowModelVersionId: z.string().nullable(),
  label: z.string().nullable(),
  labelledById: z.string().nullable(),
  labelledAt: IsoTime.nullable(),
  version: z.number().int(),
  createdAt: IsoTime,
});
export type EventItem = JsonOf<z.infer<typeof EventItem>>;

export const EventPage = z.object({ items: z.array(EventItem), nextCursor: z.string().nullable() });
export type EventPage = JsonOf<z.infer<typeof EventPage>>;

export const EventQueuePage = EventPage.extend({ type: z.string(), total: z.number().int() });
export type EventQueuePage = JsonOf<z.infer<typeof EventQueuePage>>;

/** GET /api/events/{id}: the event, and per entity it carries that entity's latest events of the type. */
export const EventDetail = EventItem.extend({
  entities: z.array(z.object({
    entity: z.string(),
    key: z.string(),
    count: z.number().int(),
    events: z.array(EventItem.pick({ id: true, eventType: true, typeVersion: true, externalId: true, occurredAt: true, amount: true, score: true, decision: true, label: true, payload: true })),
  })),
});
export type EventDetail = JsonOf<z.infer<typeof EventDetail>>;
