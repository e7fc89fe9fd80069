// Route declarations: event types and events (see system.ts for why they live here).
import { z } from 'zod';
import { EventTypeDefinitionInput, InferEventTypeInput } from '@/lib/schemas/event-types';
import { EventExportQuery, EventLabelInput, EventSearchQuery, IngestEventsInput, NameParam, RefParam, TypeParam } from '@/lib/schemas/events';
import { defineEndpoint } from './endpoint';
import { EventDetail, EventItem, EventPage } from '@/lib/schemas/responses/events';
import { EventTypeDetail, EventTypeList, IngestEventsAnswer, InferredEventType } from '@/lib/schemas/responses/event-types';

// POST /api/events/{ref}: the segment names an event type there (GET reads it as an event id).
const RefAsType = z.object({ ref: z.string() }).transform(({ ref }) => ({ type: ref })).pipe(TypeParam);

export const EventsApi = {
  types: defineEndpoint({ method: 'get', path: '/api/event-types', summary: 'Event types with their current definitions (built-in presets included)', tag: 'Event types', scope: 'eventtypes:read', response: EventTypeList }),
  createType: defineEndpoint({ method: 'post', path: '/api/event-types', summary: 'Define an event type (version 1); 409 when the name is taken', tag: 'Event types', scope: 'eventtypes:write', body: EventTypeDefinitionInput, bodyLimit: 200_000, status: 201, response: EventTypeDetail }),
  type: defineEndpoint({ method: 'get', path: '/api/event-types/{name}', summary: 'An event type with every version of its definition', tag: 'Event types', scope: 'eventtypes:read', params: NameParam, response: EventTypeDetail }),
  updateType: defineEndpoint({ method: 'put', path: '/api/event-types/{name}', summary: 'Edit an event type: the whole definition, stored as the next version (serving models keep theirs)', tag: 'Event types', scope: 'eventtypes:write', params: NameParam, body: EventTypeDefinitionInput, bodyLimit: 200_000, response: EventTypeDetail }),
  inferType: defineEndpoint({ method: 'post', path: '/api/event-types/infer', summary: 'Suggest a definition (field types, id/time/amount fields, entities, aggregates) from the first part of a CSV', tag: 'Event types', scope: 'eventtypes:write', body: InferEventTypeInput, bodyLimit: 1_100_000, response: InferredEventType }),
  ingest: defineEndpoint({ method: 'post', path: '/api/events/{ref}', summary: 'Ingest up to 1,000 events of the type named {ref}: aggregates, score, store (idempotent on the id field; all or nothing)', tag: 'Events', scope: 'transactions:ingest', params: RefAsType, body: IngestEventsInput, bodyLimit: 5_000_000, status: 201, response: IngestEventsAnswer }),
  event: defineEndpoint({ method: 'get', path: '/api/events/{ref}', summary: "The event with id {ref}, with its entities' recent events (sensitive fields masked)", tag: 'Events', scope: 'transactions:read', params: RefParam, response: EventDetail }),
  search: defineEndpoint({ method: 'get', path: '/api/events', summary: 'Events, newest first (?type&decision&label&from&to&entity=entity:key&q&limit&cursor)', tag: 'Events', scope: 'transactions:read', query: EventSearchQuery, response: EventPage }),
  label: defineEndpoint({ method: 'post', path: '/api/events/{ref}/label', summary: 'Label the event with id {ref} fraud or legit; a stale version is a 409', tag: 'Events', scope: 'review:label', params: RefParam, body: EventLabelInput, bodyLimit: 10_000, response: EventItem }),
  // A CSV download, not JSON: no response schema.
  export: defineEndpoint({ method: 'get', path: '/api/events/export', summary: "One type's events as CSV (?type plus the list's filters), sensitive fields masked", tag: 'Events', scope: 'transactions:read', query: EventExportQuery }),
};

