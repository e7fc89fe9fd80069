import { IdParam } from '@/lib/schemas/common';
import { StageInput } from '@/lib/schemas/models';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, readJson, route } from '@/lib/server/http';
import { setStage } from '@/lib/server/models';

export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'models:promote');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  const { stage, note } = await readJson(req, StageInput, 10_000);
  return json(await setStage(id, stage, note, who));
});
