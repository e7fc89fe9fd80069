import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { resendDelivery } from '@/lib/server/webhooks';

export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'webhooks:manage');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await resendDelivery(id), 202);
});
