import { EventSearchQuery } from '@/lib/schemas/events';
import { requireScope } from '@/lib/server/auth';
import { searchEvents } from '@/lib/server/events';
import { json, parseWith, route } from '@/lib/server/http';

/** Events of any type, newest first: ?type&decision&label&from&to&entity=entity:key&q&limit&cursor. */
export const GET = route(async (req) => {
  await requireScope(req, 'transactions:read');
  const query = parseWith(EventSearchQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(await searchEvents(query));
});
