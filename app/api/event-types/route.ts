import { EventTypeDefinitionInput } from '@/lib/schemas/event-types';
import { requireScope } from '@/lib/server/auth';
import { createEventType, listEventTypes } from '@/lib/server/events';
import { json, readJson, route } from '@/lib/server/http';

export const GET = route(async (req) => {
  await requireScope(req, 'eventtypes:read');
  return json({ items: await listEventTypes() });
});

/** Defines a new event type (version 1); 409 when the name is taken. */
export const POST = route(async (req) => {
  const who = await requireScope(req, 'eventtypes:write');
  const definition = await readJson(req, EventTypeDefinitionInput, 200_000);
  return json(await createEventType(definition, who), 201);
});
