import { IdParam } from '@/lib/schemas/common';
import { PromoteInput } from '@/lib/schemas/models';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, readJson, route } from '@/lib/server/http';
import { setStage } from '@/lib/server/models';

/** Promote to production (engineer or admin, with a note); the previous production version is archived. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'models:promote');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  const { note } = await readJson(req, PromoteInput, 10_000);
  return json(await setStage(id, 'production', note, who));
});
