import { EventsApi } from '@/lib/server/api/events';
import { getEventType, updateEventType } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(EventsApi.type, async ({ params }) => getEventType(params.name));

/** Edits a type: the body is the whole new definition, stored as the next version. */
export const PUT = handle(EventsApi.updateType, async ({ params, body, principal }) => updateEventType(params.name, body, principal));
