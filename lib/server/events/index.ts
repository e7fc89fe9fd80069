// Event types and their events: definitions, ingestion with online aggregates, scoring, search, labels, export.
export { createEventType, definitionOf, getEventType, listEventTypes, updateEventType } from './event-types';
export type { EventTypeDetail, EventTypeSummary } from './event-types';
export { exportEvents } from './export';
export { labelEvent } from './label';
export { maskValue } from './mask';
export { eventReviewQueue } from './queue';
export { getEvent, searchEvents } from './search';
export { ingestEvents } from './ingest';
export type { IngestResult } from './ingest';
export { scoreEvents } from './score';
export { eventSlot } from './serving';
export { inferFromCsv } from './infer';
export { ensurePresets } from './presets';
export { snapshotEventLabels } from './labels-snapshot';
