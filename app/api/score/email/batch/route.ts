import { ScoreEmailBatchInput } from '@/lib/schemas/scoring';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { scoreEmailBatch } from '@/lib/server/score-email';

export const POST = route(async (req) => {
  await requireScope(req, 'score:test');
  const { emails, modelVersionId } = await readJson(req, ScoreEmailBatchInput, 1_000_000);
  return json(await scoreEmailBatch(emails, modelVersionId));
});
