import { ScoreEmailInput } from '@/lib/schemas/scoring';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { scoreEmail } from '@/lib/server/score-email';

export const POST = route(async (req) => {
  const who = await requireScope(req, 'score:test');
  const input = await readJson(req, ScoreEmailInput, 10_000);
  return json(await scoreEmail(input, who));
});
