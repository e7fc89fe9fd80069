import { EventsApi } from '@/lib/server/api/events';
import { getEvent, ingestEvents } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';

/** GET /api/events/{id}: one event with its entities' recent events (sensitive fields masked). */
export const GET = handle(EventsApi.event, async ({ params }) => getEvent(params.ref));

/** POST /api/events/{type}: ingest up to 1,000 events of the type; idempotent on its id field. */
export const POST = handle(EventsApi.ingest, async ({ params, body, principal }) => ingestEvents(params.type, body.events, principal));
