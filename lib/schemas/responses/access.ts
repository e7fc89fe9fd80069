// Response contracts of the caller's identity (/api/me) and webhooks (/api/webhooks…).
import { z } from 'zod';
import { DeliveryErrorCategory } from '../alerts';
import { Role } from '../common';
import { IsoTime } from './common';
import type { JsonOf } from './served';

export const Me = z.object({ id: z.string(), kind: z.enum(['user', 'token']), name: z.string(), email: z.string().nullable(), role: Role });
export type Me = JsonOf<z.infer<typeof Me>>;

export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  /** The alert types it receives. */
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: IsoTime,
});

export const WebhookDelivery = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  /** A category only: receivers' error texts are never shown. */
  lastError: DeliveryErrorCategory.nullable(),
  createdAt: IsoTime,
  deliveredAt: IsoTime.nullable(),
});

/** The webhooks, newest first, and the last 100 deliveries. */
export const WebhookList = z.object({ webhooks: z.array(Webhook), deliveries: z.array(WebhookDelivery) });
export type WebhookList = JsonOf<z.infer<typeof WebhookList>>;

/** The signing secret is in this answer only. */
export const WebhookCreated = Webhook.extend({ secret: z.string() });
export type WebhookCreated = JsonOf<z.infer<typeof WebhookCreated>>;

export const WebhookDeleted = z.object({ deleted: z.string() });
