import { EventTypeDefinitionInput } from '@/lib/schemas/event-types';
import { NameParam } from '@/lib/schemas/events';
import { requireScope } from '@/lib/server/auth';
import { getEventType, updateEventType } from '@/lib/server/events';
import { json, parseWith, readJson, route } from '@/lib/server/http';

type Ctx = { params: Promise<{ name: string }> };

export const GET = route<Ctx>(async (req, ctx) => {
  await requireScope(req, 'eventtypes:read');
  const { name } = parseWith(NameParam, await ctx.params, 'Path');
  return json(await getEventType(name));
});

/** Edits a type: the body is the whole new definition, stored as the next version. */
export const PUT = route<Ctx>(async (req, ctx) => {
  const who = await requireScope(req, 'eventtypes:write');
  const { name } = parseWith(NameParam, await ctx.params, 'Path');
  const definition = await readJson(req, EventTypeDefinitionInput, 200_000);
  return json(await updateEventType(name, definition, who));
});
