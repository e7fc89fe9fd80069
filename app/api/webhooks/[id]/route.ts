import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { deleteWebhook } from '@/lib/server/webhooks';

export const DELETE = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'webhooks:manage');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  await deleteWebhook(id, who);
  return json({ deleted: id });
});
