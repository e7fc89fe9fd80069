import { EventLabelInput, RefParam } from '@/lib/schemas/events';
import { requireScope } from '@/lib/server/auth';
import { labelEvent } from '@/lib/server/events';
import { json, parseWith, readJson, route } from '@/lib/server/http';

/** Labels one event fraud or legit; with `version`, a stale one is a 409. */
export const POST = route<{ params: Promise<{ ref: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'review:label');
  const { ref } = parseWith(RefParam, await ctx.params, 'Path');
  const input = await readJson(req, EventLabelInput, 10_000);
  return json(await labelEvent(ref, input, who));
});
