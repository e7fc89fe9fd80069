import Link from 'next/link';
import { AlertList } from '@/components/alerts/alert-list';
import { Forbidden } from '@/components/forbidden';
import { AlertsQuery } from '@/lib/schemas/alerts';
import { listAlerts } from '@/lib/server/alerts/alerts';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';
import { LEGACY_KIND_TYPES } from '@/lib/schemas/scope';

export const metadata = { title: 'Alerts' };

const REVIEWED_TYPES = new Set<string>(Object.values(LEGACY_KIND_TYPES));

/** Alerts on card payments and email checks open the review page, as they always did; other types their event page. */
function itemHref(a: { eventId: string | null; payload: unknown }): string | null {
  if (!a.eventId) return null;
  const type = (a.payload as { eventType?: unknown } | null)?.eventType;
  return typeof type === 'string' && !REVIEWED_TYPES.has(type) ? `/events/${a.eventId}` : `/review/${a.eventId}`;
}

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { who, allowed } = await pageAccess('alerts:read');
  if (!allowed) return <Forbidden role={who.role} what="read alerts" />;
  const parsed = AlertsQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : AlertsQuery.parse({});
  const { items, open } = await listAlerts(query);
  const tab = (status: string, label: string) => (
    <Link href={`/alerts?status=${status}`} className={`btn ${query.status === status ? 'primary' : ''}`}>{label}</Link>
  );
  return (
    <>
      <h1 data-testid="page-title">Alerts</h1>
      <p className="lead">{open} open. Each alert also goes to the webhooks subscribed to its type.</p>
      <div className="row" style={{ marginBottom: 12 }}>{tab('open', 'Open')}{tab('acknowledged', 'Acknowledged')}{tab('all', 'All')}</div>
      <div className="card">
        <AlertList canAck={can(who.role, 'alerts:ack')} alerts={items.map((a) => ({ id: a.id, type: a.type, severity: a.severity, title: a.title, createdAt: a.createdAt.toISOString(), acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null, href: itemHref(a) }))} />
      </div>
    </>
  );
}
