import { DriftSnapshotRequest } from '@/lib/schemas/drift';
import { requireScope } from '@/lib/server/auth';
import { requestDriftSnapshot } from '@/lib/server/drift';
import { json, readJson, route } from '@/lib/server/http';

/** Computes drift now: enqueues a 'drift.snapshot' job for the worker and returns it (poll /api/jobs/{id}). */
export const POST = route(async (req) => {
  const who = await requireScope(req, 'models:train');
  const { window } = await readJson(req, DriftSnapshotRequest, 10_000);
  return json(await requestDriftSnapshot(window, who), 202);
});
