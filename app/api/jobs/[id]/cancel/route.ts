import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { cancelJob } from '@/lib/server/jobs';

export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'jobs:write');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await cancelJob(id));
});
