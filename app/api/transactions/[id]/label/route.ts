import { IdParam } from '@/lib/schemas/common';
import { LabelInput } from '@/lib/schemas/reviews';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, readJson, route } from '@/lib/server/http';
import { labelTransaction } from '@/lib/server/reviews';

export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'review:label');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  const { label, expectedVersion } = await readJson(req, LabelInput, 2_000);
  return json(await labelTransaction(id, label, expectedVersion, who));
});
