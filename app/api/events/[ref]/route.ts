import { IngestEventsInput, RefParam, TypeParam } from '@/lib/schemas/events';
import { requireScope } from '@/lib/server/auth';
import { getEvent, ingestEvents } from '@/lib/server/events';
import { json, parseWith, readJson, route } from '@/lib/server/http';

type Ctx = { params: Promise<{ ref: string }> };

/** GET /api/events/{id}: one event with its entities' recent events (sensitive fields masked). */
export const GET = route<Ctx>(async (req, ctx) => {
  await requireScope(req, 'transactions:read');
  const { ref } = parseWith(RefParam, await ctx.params, 'Path');
  return json(await getEvent(ref));
});

/** POST /api/events/{type}: ingest up to 1,000 events of the type; idempotent on its id field. */
export const POST = route<Ctx>(async (req, ctx) => {
  const who = await requireScope(req, 'transactions:ingest');
  const { ref } = await ctx.params;
  const { type } = parseWith(TypeParam, { type: ref }, 'Path');
  const { events } = await readJson(req, IngestEventsInput, 5_000_000);
  return json(await ingestEvents(type, events, who), 201);
});
