import { TrainRequest } from '@/lib/schemas/training';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { createTrainingJob } from '@/lib/server/training';

export const POST = route(async (req) => {
  const who = await requireScope(req, 'models:train');
  const request = await readJson(req, TrainRequest, 100_000);
  return json(await createTrainingJob(request, who), 202);
});
