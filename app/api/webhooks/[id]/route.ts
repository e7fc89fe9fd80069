import { AlertsApi } from '@/lib/server/api/alerts';
import { handle } from '@/lib/server/platform/api-route';
import { deleteWebhook } from '@/lib/server/alerts/webhooks';

export const DELETE = handle(AlertsApi.deleteWebhook, async ({ params, principal }) => {
  await deleteWebhook(params.id, principal);
  return { deleted: params.id };
});
