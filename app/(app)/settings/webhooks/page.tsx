import { WebhookManager } from '@/components/alerts/webhook-manager';
import { Forbidden } from '@/components/forbidden';
import { pageAccess } from '@/lib/server/access/pages';
import { listWebhooks } from '@/lib/server/alerts/webhooks';

export const metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const { who, allowed } = await pageAccess('webhooks:manage');
  if (!allowed) return <Forbidden role={who.role} what="manage webhooks" />;
  const { webhooks, deliveries } = await listWebhooks();
  return (
    <>
      <h1 data-testid="page-title">Webhooks</h1>
      <p className="lead">Alerts are POSTed as signed JSON. Failed deliveries are retried with backoff, then shown here for re-sending.</p>
      <WebhookManager
        hooks={webhooks.map((h) => ({ id: h.id, url: h.url, events: h.events as string[], createdAt: h.createdAt.toISOString() }))}
        deliveries={deliveries.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null }))}
      />
    </>
  );
}
