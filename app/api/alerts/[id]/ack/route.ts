import { acknowledgeAlert } from '@/lib/server/alerts/alerts';
import { AlertsApi } from '@/lib/server/api/alerts';
import { handle } from '@/lib/server/platform/api-route';

export const POST = handle(AlertsApi.ack, async ({ params, principal }) => acknowledgeAlert(params.id, principal));
