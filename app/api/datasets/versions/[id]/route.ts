import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { getVersionDetail } from '@/lib/server/datasets';
import { json, parseWith, route } from '@/lib/server/http';

export const GET = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'datasets:read');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await getVersionDetail(id));
});
