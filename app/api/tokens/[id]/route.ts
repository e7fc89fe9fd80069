import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { revokeToken } from '@/lib/server/tokens';

export const DELETE = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'tokens:manage');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await revokeToken(id, who));
});
