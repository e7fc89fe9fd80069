import { IdParam } from '@/lib/schemas/common';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { getVersion, versionHistory } from '@/lib/server/models';

export const GET = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'models:read');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  return json({ version: await getVersion(id), history: await versionHistory(id) });
});
