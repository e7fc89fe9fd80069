import { ShadowQuery } from '@/lib/schemas/monitoring';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { performanceSeries } from '@/lib/server/performance';

/** Labelled precision, recall, FPR and review rate per UTC day (of a kind, or ?eventType=); null where labels < minLabels. */
export const GET = route(async (req) => {
  await requireScope(req, 'models:read');
  const { kind, days, eventType } = parseWith(ShadowQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(await performanceSeries(kind, { days, eventType }));
});
