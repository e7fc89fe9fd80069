import { SnapshotLabelsInput } from '@/lib/schemas/datasets';
import { requireScope } from '@/lib/server/auth';
import { snapshotLabels } from '@/lib/server/datasets';
import { json, readJson, route } from '@/lib/server/http';

export const POST = route(async (req) => {
  const who = await requireScope(req, 'datasets:write');
  const input = await readJson(req, SnapshotLabelsInput, 10_000);
  return json(await snapshotLabels(input, who), 201);
});
