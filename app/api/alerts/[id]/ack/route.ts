import { IdParam } from '@/lib/schemas/common';
import { acknowledgeAlert } from '@/lib/server/alerts';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';

export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'alerts:ack');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await acknowledgeAlert(id, who));
});
