import { KindQuery } from '@/lib/schemas/monitoring';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { performanceSeries } from '@/lib/server/performance';

/** Labelled precision, recall, FPR and review rate per UTC day; null where labels < minLabels. */
export const GET = route(async (req) => {
  await requireScope(req, 'models:read');
  const { kind, days } = parseWith(KindQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(await performanceSeries(kind, { days }));
});
