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

export const AlertsQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'all']).default('open'),
  type: AlertType.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: safeString(64).optional(),
});
