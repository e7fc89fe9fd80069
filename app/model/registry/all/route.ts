import { requireScope } from '@/lib/server/auth';
import { registryAll } from '@/lib/server/compat/seed000';
import { json, route } from '@/lib/server/http';

export const GET = route(async (req) => {
  await requireScope(req, 'models:read');
  return json(await registryAll());
});
