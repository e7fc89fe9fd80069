import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { registryOne } from '@/lib/server/compat/seed000';
import { json, parseWith, route } from '@/lib/server/http';

export const GET = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'models:read');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await registryOne(id));
});
