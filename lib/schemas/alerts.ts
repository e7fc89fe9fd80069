import { z } from 'zod';
import { safeString } from './common';

export const AlertType = z.enum(['high_risk', 'drift', 'performance', 'job_failed']);
export type AlertType = z.infer<typeof AlertType>;

export const CreateWebhookInput = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'An http(s) URL is required.' }).max(2000),
    events: z.array(AlertType).min(1, 'Pick at least one alert type.').default(['high_risk']),
  })
  .strict();
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

/** Why a webhook delivery failed, as stored and shown: a category, never the receiver's answer. */
export const DeliveryErrorCategory = z.enum([
  'timeout', 'connection_refused', 'connection_failed', 'dns_failed', 'address_not_allowed', 'http_4xx', 'http_5xx', 'redirect_refused', 'tls_error',
]);
export type DeliveryErrorCategory = z.infer<typeof DeliveryErrorCategory>;

export const DELIVERY_ERROR_TEXT: Record<DeliveryErrorCategory, string> = {
  timeout: 'timed out',
  connection_refused: 'connection refused',
  connection_failed: 'connection failed',
  dns_failed: 'host name not found',
  address_not_allowed: 'address not allowed (not public)',
  http_4xx: 'receiver answered 4xx',
  http_5xx: 'receiver answered 5xx',
  redirect_refused: 'redirect not followed',
  tls_error: 'TLS/certificate error',
};

export const AlertsQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'all']).default('open'),
  type: AlertType.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: safeString(64).optional(),
});
