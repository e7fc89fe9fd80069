import { AlertsQuery } from '@/lib/schemas/alerts';
import { listAlerts } from '@/lib/server/alerts';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';

export const GET = route(async (req) => {
  await requireScope(req, 'alerts:read');
  const query = parseWith(AlertsQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(await listAlerts(query));
});
