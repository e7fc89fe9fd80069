// Event types and their events: definitions, ingestion with online aggregates, scoring, search, labels, export.
export { createEventType, definitionOf, getEventType, listEventTypes, updateEventType } from './event-types';
export type { EventTypeDetail, EventTypeSummary } from './event-types';
