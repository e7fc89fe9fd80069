import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { json, notFound, parseWith, route } from '@/lib/server/http';
import { getJob } from '@/lib/server/jobs';

export const GET = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'jobs:read');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  const job = await getJob(id);
  if (!job) throw notFound('Job');
  return json(job);
});
