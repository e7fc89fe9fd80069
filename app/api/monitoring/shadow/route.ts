import { ShadowQuery } from '@/lib/schemas/monitoring';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { championChallenger } from '@/lib/server/shadow';

/** Production vs shadow version of a kind (or of an event type: ?eventType=) on the traffic both scored. */
export const GET = route(async (req) => {
  await requireScope(req, 'models:read');
  const { kind, eventType } = parseWith(ShadowQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(await championChallenger(kind, { eventType }));
});
