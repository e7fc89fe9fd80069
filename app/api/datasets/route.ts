import { requireScope } from '@/lib/server/auth';
import { listDatasetSummaries } from '@/lib/server/datasets';
import { json, route } from '@/lib/server/http';

export const GET = route(async (req) => {
  await requireScope(req, 'datasets:read');
  return json({ datasets: await listDatasetSummaries() });
});
