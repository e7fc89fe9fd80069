import { MonitoringApi } from '@/lib/server/api/monitoring';
import { requestDriftSnapshot } from '@/lib/server/monitoring/drift';
import { handle } from '@/lib/server/platform/api-route';
import { jobView } from '@/lib/server/platform/jobs';

/** Computes drift now: enqueues a 'drift.snapshot' job for the worker and returns it (poll /api/jobs/{id}). */
export const POST = handle(MonitoringApi.driftSnapshot, async ({ body, principal }) => jobView(await requestDriftSnapshot(body.window, principal)));
