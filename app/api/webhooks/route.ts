import { AlertsApi } from '@/lib/server/api/alerts';
import { handle } from '@/lib/server/platform/api-route';
import { createWebhook, listWebhooks } from '@/lib/server/alerts/webhooks';

// The events column is JSON; createWebhook only ever stores the validated list of alert types.
const typed = <W extends { events: unknown }>(w: W) => ({ ...w, events: w.events as string[] });

export const GET = handle(AlertsApi.webhooks, async () => {
  const { webhooks, deliveries } = await listWebhooks();
  return { webhooks: webhooks.map(typed), deliveries };
});

/** The signing secret is returned once. */
export const POST = handle(AlertsApi.createWebhook, async ({ body, principal }) => typed(await createWebhook(body, principal)));
