import { Seed000TrainBody } from '@/lib/schemas/compat';
import { requireScope } from '@/lib/server/auth';
import { trainFromSeedBody } from '@/lib/server/compat/seed000';
import { json, readJson, route } from '@/lib/server/http';

export const POST = route(async (req) => {
  const who = await requireScope(req, 'models:train');
  const body = await readJson(req, Seed000TrainBody, 100_000);
  return json(await trainFromSeedBody(body, who));
});
