import { MonitoringApi } from '@/lib/server/api/monitoring';
import { handle } from '@/lib/server/platform/api-route';
import { championChallenger } from '@/lib/server/monitoring/shadow';

/** Production vs shadow version of a kind (or of an event type: ?eventType=) on the traffic both scored. */
export const GET = handle(MonitoringApi.shadow, async ({ query: { kind, eventType } }) => championChallenger(kind, { eventType }));
