import { EventsApi } from '@/lib/server/api/events';
import { createEventType, listEventTypes } from '@/lib/server/events';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(EventsApi.types, async () => ({ items: await listEventTypes() }));

/** Defines a new event type (version 1); 409 when the name is taken. */
export const POST = handle(EventsApi.createType, async ({ body, principal }) => createEventType(body, principal));
