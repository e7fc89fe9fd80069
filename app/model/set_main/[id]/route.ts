import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { setMain } from '@/lib/server/compat/seed000';
import { json, parseWith, route } from '@/lib/server/http';

export const PUT = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'models:promote');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await setMain(id, who));
});
