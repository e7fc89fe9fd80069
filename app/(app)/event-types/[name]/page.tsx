import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AggregatePreview, type PreviewSample } from '@/components/event-types/aggregate-preview';
import { DefinitionEditor } from '@/components/event-types/definition-editor';
import { VersionHistory } from '@/components/event-types/version-history';
import { Forbidden } from '@/components/forbidden';
import { draftOf } from '@/lib/client/definition-draft';
import { EVENT_TYPE_NAME_RE } from '@/lib/schemas/event-types';
import { getEventType } from '@/lib/server/events';
import { eventCountsByType, recentFeatures, userEmails } from '@/lib/server/events/screens';
import { ApiError } from '@/lib/server/platform/http';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';
import { formatCount } from '@/lib/format';

export const metadata = { title: 'Event type' };

export default async function EventTypePage({ params }: { params: Promise<{ name: string }> }) {
  const { who, allowed } = await pageAccess('eventtypes:read');
  if (!allowed) return <Forbidden role={who.role} what="read event types" />;
  const { name } = await params;
  if (!EVENT_TYPE_NAME_RE.test(name)) notFound();
  const t = await getEventType(name).catch((err) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err)));
  if (!t) notFound();
  const samples = JSON.parse(JSON.stringify(await recentFeatures(name))) as PreviewSample[];
  const emails = await userEmails(t.versions.map((v) => v.createdById));
  const count = (await eventCountsByType())[name] ?? 0;
  const versions = t.versions.map((v) => ({ version: v.version, definition: v.definition, createdAt: v.createdAt.toISOString(), createdBy: v.createdById ? (emails[v.createdById] ?? null) : null }));
  return (
    <>
      <div className="crumbs"><Link href="/event-types">Event types</Link> / {t.name}</div>
      <h1 data-testid="page-title"><span className="mono">{t.name}</span> {t.builtIn ? <span className="badge muted">built-in</span> : null}</h1>
      <p className="lead">
        {t.label ?? t.name}, version {t.currentVersion}. {count ? <Link href={`/events?type=${t.name}`} data-testid="event-type-events">{formatCount(count)} stored event(s)</Link> : 'No stored events yet'}.
        {' '}Events arrive at <span className="mono">POST /api/events/{t.name}</span>; the score tester scores one without storing it.
      </p>
      <DefinitionEditor initial={draftOf(t.definition)} existing={t.name} canWrite={can(who.role, 'eventtypes:write')} />
      <div className="card">
        <h2>Aggregates preview</h2>
        <AggregatePreview definition={t.definition} samples={samples} />
      </div>
      <div className="card">
        <h2>Version history</h2>
        <VersionHistory versions={versions} />
      </div>
    </>
  );
}
