import { InferEventTypeInput } from '@/lib/schemas/event-types';
import { requireScope } from '@/lib/server/auth';
import { inferFromCsv } from '@/lib/server/events';
import { json, readJson, route } from '@/lib/server/http';

/** A suggested definition from the first part of a CSV; nothing is stored. */
export const POST = route(async (req) => {
  await requireScope(req, 'eventtypes:write');
  const { csv, name } = await readJson(req, InferEventTypeInput, 1_100_000);
  return json(inferFromCsv(csv, name));
});
