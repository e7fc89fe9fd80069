import { DriftQuery } from '@/lib/schemas/drift';
import { requireScope } from '@/lib/server/auth';
import { listDrift } from '@/lib/server/drift';
import { json, parseWith, route } from '@/lib/server/http';

/** Drift snapshots over time for the versions serving a kind or event type: GET /api/drift?kind=transaction&window=hour (or ?eventType=) */
export const GET = route(async (req) => {
  await requireScope(req, 'models:read');
  const query = parseWith(DriftQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(await listDrift(query));
});
