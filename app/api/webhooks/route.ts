import { CreateWebhookInput } from '@/lib/schemas/alerts';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { createWebhook, listWebhooks } from '@/lib/server/webhooks';

export const GET = route(async (req) => {
  await requireScope(req, 'webhooks:manage');
  return json(await listWebhooks());
});

/** The signing secret is returned once. */
export const POST = route(async (req) => {
  const who = await requireScope(req, 'webhooks:manage');
  const input = await readJson(req, CreateWebhookInput, 10_000);
  return json(await createWebhook(input, who), 201);
});
