import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { getTrainingJob } from '@/lib/server/training';

export const GET = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'jobs:read');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await getTrainingJob(id));
});
