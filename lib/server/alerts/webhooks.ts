// Webhooks: HMAC-SHA256-signed JSON bodies, delivered by the worker with retries and backoff.
// Receivers verify `X-Vigil-Signature: sha256=<hex of HMAC(secret, "<timestamp>.<body>")>`.
// Targets must be public addresses (lib/server/alerts/outbound.ts), checked at creation and again at delivery.
import crypto from 'node:crypto';
import { z } from 'zod';
import { DeliveryErrorCategory, type CreateWebhookInput } from '@/lib/schemas/alerts';
import { checkOutboundUrl, OutboundError } from './outbound';
import { errorCategory, postPinned, statusCategory } from './pinned-post';
import { recordAudit } from '../access/audit';
import { db } from '../platform/db';
import { ApiError, notFound } from '../platform/http';
import { enqueueJob } from '../platform/jobs';
import type { Principal } from '../access/principal';
import type { JobHandler } from '../platform/worker';
import { PermanentJobError } from '../platform/worker';

export const DELIVERY_ATTEMPTS = 5;
const TIMEOUT_MS = 10_000;

export function sign(secret: string, timestamp: string, body: string) {
  return 'sha256=' + crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export async function createWebhook(input: CreateWebhookInput, actor: Principal) {
  const target = await checkOutboundUrl(input.url).catch((err: unknown) => {
    if (err instanceof OutboundError) throw new ApiError(400, 'webhook_url_not_allowed', err.message, { url: [err.message] });
    throw err;
  });
  const secret = 'whsec_' + crypto.randomBytes(24).toString('base64url');
  // Stored normalised (numeric host forms spelled out), so the list shows what is really called.
  const hook = await db().webhook.create({ data: { url: target.url.href, events: input.events as never, secret } });
  await recordAudit(actor, { action: 'webhook.create', targetType: 'webhook', targetId: hook.id, after: { url: hook.url, events: input.events } });
  return { ...hook, secret }; // shown once, like API tokens
}

export async function listWebhooks() {
  const hooks = await db().webhook.findMany({ orderBy: { createdAt: 'desc' }, select: { id: true, url: true, events: true, active: true, createdAt: true } });
  const deliveries = await db().webhookDelivery.findMany({ orderBy: { createdAt: 'desc' }, take: 100, select: { id: true, webhookId: true, event: true, status: true, attempts: true, lastStatus: true, lastError: true, createdAt: true, deliveredAt: true } });
  // Older rows may hold free-text errors; only categories are shown.
  return { webhooks: hooks, deliveries: deliveries.map((d) => ({ ...d, lastError: d.lastError === null ? null : DeliveryErrorCategory.catch('connection_failed').parse(d.lastError) })) };
}

export async function deleteWebhook(id: string, actor: Principal) {
  const hook = await db().webhook.findUnique({ where: { id } });
  if (!hook) throw notFound('Webhook');
  await db().webhook.delete({ where: { id } });
  await recordAudit(actor, { action: 'webhook.delete', targetType: 'webhook', targetId: id, before: { url: hook.url } });
}

/** Receivers written before event types read `transactionId`: it stays, as the event's id. */
export const withTransactionAlias = <T extends { eventId: string | null }>(alert: T) => ({ ...alert, transactionId: alert.eventId });

/** One delivery per subscribed, active webhook per alert, each sent by a worker job. */
export async function queueDeliveries(alerts: { id: string; type: string; severity: string; title: string; payload: unknown; eventId: string | null; createdAt: Date }[]) {
  const hooks = await db().webhook.findMany({ where: { active: true } });
  for (const alert of alerts) {
    for (const hook of hooks.filter((h) => (h.events as string[]).includes(alert.type))) {
      const delivery = await db().webhookDelivery.create({
        data: { webhookId: hook.id, alertId: alert.id, event: `alert.${alert.type}`, payload: { event: `alert.${alert.type}`, alert: withTransactionAlias(alert) } as never },
      });
      await enqueueJob('webhook.deliver', { deliveryId: delivery.id }, { maxAttempts: DELIVERY_ATTEMPTS });
    }
  }
}

export async function resendDelivery(id: string) {
  const delivery = await db().webhookDelivery.findUnique({ where: { id } });
  if (!delivery) throw notFound('Delivery');
  await db().webhookDelivery.update({ where: { id }, data: { status: 'pending', lastError: null } });
  return enqueueJob('webhook.deliver', { deliveryId: id }, { maxAttempts: DELIVERY_ATTEMPTS });
}

/** Scheme, host and port only: paths of webhook URLs often carry secrets. */
const originOf = (url: string) => URL.canParse(url) ? new URL(url).origin : 'webhook';

const DeliverPayload = z.object({ deliveryId: z.string().min(1) });

export const deliverWebhookJob: JobHandler = async (job) => {
  const parsed = DeliverPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('Invalid delivery payload');
  const delivery = await db().webhookDelivery.findUnique({ where: { id: parsed.data.deliveryId }, include: { webhook: true } });
  if (!delivery) throw new PermanentJobError('Delivery no longer exists');
  const body = JSON.stringify(delivery.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = { 'content-type': 'application/json', 'user-agent': 'Vigil-Webhooks/1', 'x-vigil-event': delivery.event, 'x-vigil-delivery': delivery.id, 'x-vigil-timestamp': timestamp, 'x-vigil-signature': sign(delivery.webhook.secret, timestamp, body) };
  let status: number | null = null;
  let error: DeliveryErrorCategory | null;
  try {
    // Checked again now: the host may resolve elsewhere than at creation, and the setting may have changed.
    const target = await checkOutboundUrl(delivery.webhook.url);
    status = (await postPinned(target, { headers, body, timeoutMs: TIMEOUT_MS })).status;
    error = statusCategory(status);
  } catch (err) {
    error = errorCategory(err);
  }
  // A refused address or a redirect will not fix itself by retrying; it needs the webhook changed (then re-send).
  const permanent = error === 'address_not_allowed' || error === 'redirect_refused';
  const finalAttempt = permanent || job.attempts >= job.maxAttempts;
  await db().webhookDelivery.update({
    where: { id: delivery.id },
    data: { attempts: { increment: 1 }, lastStatus: status, lastError: error, ...(error ? (finalAttempt ? { status: 'failed' } : {}) : { status: 'delivered', deliveredAt: new Date() }) },
  });
  if (error) {
    const reason = `Delivery to ${originOf(delivery.webhook.url)} failed: ${error}`;
    throw permanent ? new PermanentJobError(reason) : new Error(reason);
  }
  return { status };
};
