import { MonitoringApi } from '@/lib/server/api/monitoring';
import { listDrift } from '@/lib/server/monitoring/drift';
import { handle } from '@/lib/server/platform/api-route';

/** Drift snapshots over time for the versions serving a kind or event type: GET /api/drift?kind=transaction&window=hour (or ?eventType=) */
export const GET = handle(MonitoringApi.drift, async ({ query }) => listDrift(query));
