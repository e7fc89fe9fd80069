import { EvaluateRequest } from '@/lib/schemas/evaluation';
import { requireScope } from '@/lib/server/auth';
import { createEvaluationJob } from '@/lib/server/evaluation';
import { json, readJson, route } from '@/lib/server/http';

export const POST = route(async (req) => {
  const who = await requireScope(req, 'models:train');
  const request = await readJson(req, EvaluateRequest, 10_000);
  return json(await createEvaluationJob(request, who), 202);
});
