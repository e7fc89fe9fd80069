import { listAlerts } from '@/lib/server/alerts/alerts';
import { AlertsApi } from '@/lib/server/api/alerts';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(AlertsApi.list, async ({ query }) => listAlerts(query));
