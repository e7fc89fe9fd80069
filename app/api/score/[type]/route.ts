import { ScoreEventsInput, TypeParam } from '@/lib/schemas/events';
import { requireScope } from '@/lib/server/auth';
import { scoreEvents } from '@/lib/server/events';
import { json, parseWith, readJson, route } from '@/lib/server/http';

/** Scores `{ event }` or `{ events: ≤1,000 }` of a type without storing them (email and transaction keep their own routes). */
export const POST = route<{ params: Promise<{ type: string }> }>(async (req, ctx) => {
  await requireScope(req, 'score:test');
  const { type } = parseWith(TypeParam, await ctx.params, 'Path');
  const input = await readJson(req, ScoreEventsInput, 2_000_000);
  return json(await scoreEvents(type, input));
});
