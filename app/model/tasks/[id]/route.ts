import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { trainTask } from '@/lib/server/compat/seed000';
import { json, parseWith, route } from '@/lib/server/http';

export const GET = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'jobs:read');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  const { status, body } = await trainTask(id);
  return json(body, status);
});
