import { CompareQuery } from '@/lib/schemas/models';
import { requireScope } from '@/lib/server/auth';
import { compareVersions } from '@/lib/server/compare';
import { json, parseWith, route } from '@/lib/server/http';

export const GET = route(async (req) => {
  await requireScope(req, 'models:read');
  const { ids } = parseWith(CompareQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(await compareVersions(ids));
});
