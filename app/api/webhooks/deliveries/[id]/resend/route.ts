import { AlertsApi } from '@/lib/server/api/alerts';
import { handle } from '@/lib/server/platform/api-route';
import { resendDelivery } from '@/lib/server/alerts/webhooks';

export const POST = handle(AlertsApi.resend, async ({ params }) => resendDelivery(params.id));
