import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { transactionDetail } from '@/lib/server/reviews';

export const GET = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'transactions:read');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await transactionDetail(id));
});
