import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { emailTaskResult } from '@/lib/server/compat/scoring';
import { json, parseWith, route } from '@/lib/server/http';

/** Seed 000: GET /prediction/tasks/{id} → { proba, email }. */
export const GET = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'score:test');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json(await emailTaskResult(id));
});
