import { AlertsApi } from '@/lib/server/api/alerts';
import { handle } from '@/lib/server/platform/api-route';
import { createWebhook, listWebhooks } from '@/lib/server/alerts/webhooks';

export const GET = handle(AlertsApi.webhooks, async () => listWebhooks());

/** The signing secret is returned once. */
export const POST = handle(AlertsApi.createWebhook, async ({ body, principal }) => createWebhook(body, principal));
