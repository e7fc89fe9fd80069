// Route declarations: alerts and webhooks (see system.ts for why they live here).
import { AlertsQuery, CreateWebhookInput } from '@/lib/schemas/alerts';
import { IdParam } from '@/lib/schemas/common';
import { defineEndpoint } from './endpoint';
import { WebhookCreated, WebhookDeleted, WebhookList } from '@/lib/schemas/responses/access';
import { JobView } from '@/lib/schemas/responses/jobs';
import { AlertItem, AlertPage } from '@/lib/schemas/responses/alerts';

export const AlertsApi = {
  list: defineEndpoint({ method: 'get', path: '/api/alerts', summary: 'Alerts (open, acknowledged or all)', tag: 'Alerts', scope: 'alerts:read', query: AlertsQuery, response: AlertPage }),
  ack: defineEndpoint({ method: 'post', path: '/api/alerts/{id}/ack', summary: 'Acknowledge an alert', tag: 'Alerts', scope: 'alerts:ack', params: IdParam, response: AlertItem }),
  webhooks: defineEndpoint({ method: 'get', path: '/api/webhooks', summary: 'Webhooks and recent deliveries', tag: 'Alerts', scope: 'webhooks:manage', response: WebhookList }),
  createWebhook: defineEndpoint({ method: 'post', path: '/api/webhooks', summary: 'Add a webhook (its signing secret is returned once)', tag: 'Alerts', scope: 'webhooks:manage', body: CreateWebhookInput, bodyLimit: 10_000, status: 201, response: WebhookCreated }),
  deleteWebhook: defineEndpoint({ method: 'delete', path: '/api/webhooks/{id}', summary: 'Delete a webhook', tag: 'Alerts', scope: 'webhooks:manage', params: IdParam, response: WebhookDeleted }),
  resend: defineEndpoint({ method: 'post', path: '/api/webhooks/deliveries/{id}/resend', summary: 'Re-send a failed delivery', tag: 'Alerts', scope: 'webhooks:manage', params: IdParam, status: 202, response: JobView }),
};
