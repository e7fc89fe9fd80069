import { SnapshotLabelsRequest } from '@/lib/schemas/datasets';
import { requireScope } from '@/lib/server/auth';
import { snapshotLabels } from '@/lib/server/datasets';
import { snapshotEventLabels } from '@/lib/server/events';
import { json, readJson, route } from '@/lib/server/http';

export const POST = route(async (req) => {
  const who = await requireScope(req, 'datasets:write');
  const input = await readJson(req, SnapshotLabelsRequest, 10_000);
  return json('eventType' in input ? await snapshotEventLabels(input, who) : await snapshotLabels(input, who), 201);
});
