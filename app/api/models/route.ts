import { requireScope } from '@/lib/server/auth';
import { json, route } from '@/lib/server/http';
import { listModels } from '@/lib/server/models';

export const GET = route(async (req) => {
  await requireScope(req, 'models:read');
  return json({ models: await listModels() });
});
