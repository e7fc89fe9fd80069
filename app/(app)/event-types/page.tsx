import Link from 'next/link';
import { Forbidden } from '@/components/forbidden';
import { formatCount, formatDateTime } from '@/lib/format';
import { listEventTypes } from '@/lib/server/events';
import { eventCountsByType } from '@/lib/server/events/screens';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';

export const metadata = { title: 'Event types' };

export default async function EventTypesPage() {
  const { who, allowed } = await pageAccess('eventtypes:read');
  if (!allowed) return <Forbidden role={who.role} what="read event types" />;
  const [types, counts] = [await listEventTypes(), await eventCountsByType()];
  const writer = can(who.role, 'eventtypes:write');
  return (
    <>
      <div className="row dataset-title">
        <h1 data-testid="page-title">Event types</h1>
        {writer ? (
          <div className="row">
            <Link className="btn" href="/event-types/new?fromCsv=1" data-testid="event-type-from-csv">From a CSV</Link>
            <Link className="btn primary" href="/event-types/new" data-testid="event-type-new">New event type</Link>
          </div>
        ) : null}
      </div>
      <p className="lead">Each kind of event in your own data model: its fields, entity keys, sensitive fields and per-entity aggregates. Editing writes a new version; models keep the version they were trained on.</p>
      <div className="card">
        <table data-testid="event-types-table">
          <thead><tr><th>Name</th><th>Label</th><th>Version</th><th /><th className="num">Fields</th><th className="num">Aggregates</th><th className="num">Events</th><th>Updated</th></tr></thead>
          <tbody>
            {types.map((t) => (
              <tr key={t.name} data-testid={`event-type-${t.name}`}>
                <td className="mono"><Link href={`/event-types/${t.name}`}>{t.name}</Link></td>
                <td>{t.label ?? '–'}</td>
                <td>v{t.currentVersion}</td>
                <td>{t.builtIn ? <span className="badge muted">built-in</span> : null}</td>
                <td className="num">{t.definition.fields.length}</td>
                <td className="num">{t.definition.aggregates.length}</td>
                <td className="num">{counts[t.name] ? <Link href={`/events?type=${t.name}`}>{formatCount(counts[t.name])}</Link> : '0'}</td>
                <td className="nowrap small muted">{formatDateTime(t.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
