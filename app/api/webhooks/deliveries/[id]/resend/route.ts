import { AlertsApi } from '@/lib/server/api/alerts';
import { handle } from '@/lib/server/platform/api-route';
import { resendDelivery } from '@/lib/server/alerts/webhooks';
import { jobView } from '@/lib/server/platform/jobs';

export const POST = handle(AlertsApi.resend, async ({ params }) => jobView(await resendDelivery(params.id)));
