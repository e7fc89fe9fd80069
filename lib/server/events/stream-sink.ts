// JetStream subjects vigil.events.<type>: each message's events go through the same checks and ingestion as
// POST /api/events/{type}. What can never be ingested (unknown type, invalid records) is dead-lettered.
import { EventRecord } from '@/lib/schemas/events';
import { ApiError } from '../platform/http';
import { describeRecordErrors, type StreamSink } from '../platform/stream';
import { definitionOf } from './event-types';
import { ingestEvents } from './ingest';
import { validateEvents } from './validate';

export function eventSink(type: string): StreamSink {
  return {
    noun: 'events',
    async problem(items) {
      const def = await definitionOf(type).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      });
      if (!def) return `There is no event type '${type}': define it (POST /api/event-types) before publishing to vigil.events.${type}.`;
      const shapeErrors = items.flatMap((item, index) => {
        const parsed = EventRecord.safeParse(item);
        return parsed.success ? [] : [{ index, fields: { [String(parsed.error.issues[0]?.path[0] ?? '')]: [parsed.error.issues[0]?.message ?? 'Invalid.'] } }];
      });
      if (shapeErrors.length) return describeRecordErrors(shapeErrors, items.length, 'events');
      const { errors } = validateEvents(def.definition, items as EventRecord[], { fill: def.builtIn });
      return errors.length ? describeRecordErrors(errors, items.length, 'events') : null;
    },
    ingest: (items) => ingestEvents(type, items as EventRecord[], null),
  };
}

/** The sink for a concrete subject under `prefix` (vigil.events.card_transaction → card_transaction). */
export const eventSinkFor = (prefix: string) => (subject: string) => eventSink(subject.slice(prefix.length + 1));
