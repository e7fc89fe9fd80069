import Link from 'next/link';
import { EventsTable } from '@/components/events/events-table';
import { Forbidden } from '@/components/forbidden';
import { UrlFilters, type FilterField } from '@/components/review/queue-filters';
import type { EventPage } from '@/lib/client/events';
import { EVENT_DECISIONS, EVENT_LABELS, EventSearchQuery } from '@/lib/schemas/events';
import { parseFilters } from '@/lib/schemas/transaction-search';
import { listEventTypes, searchEvents } from '@/lib/server/events';
import { eventCountsByType } from '@/lib/server/events/screens';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';
import { formatCount } from '@/lib/format';

export const metadata = { title: 'Events' };

const KEYS = ['type', 'q', 'entity', 'decision', 'label', 'minAmount', 'maxAmount', 'from', 'to'] as const;
const any = { value: '', label: 'any' };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { who, allowed } = await pageAccess('transactions:read');
  if (!allowed) return <Forbidden role={who.role} what="read events" />;
  const raw = await searchParams;
  const values: Record<string, string> = {};
  for (const key of KEYS) {
    const v = raw[key];
    if (typeof v === 'string' && v !== '') values[key] = v;
  }
  const types = await listEventTypes();
  const counts = await eventCountsByType();
  // One type at a time (its own columns); without one in the URL, the busiest type.
  const busiest = [...types].sort((a, b) => (counts[b.name] ?? 0) - (counts[a.name] ?? 0))[0];
  const chosen = types.find((t) => t.name === values.type) ?? busiest;
  const dropped: string[] = [];
  if (values.type && chosen?.name !== values.type) dropped.push(`type (no event type named '${values.type}')`);
  if (!chosen) return <><h1 data-testid="page-title">Events</h1><p className="lead">No event types yet.</p></>;
  values.type = chosen.name;
  const parsed = parseFilters(EventSearchQuery, values);
  for (const d of parsed.dropped) dropped.push(d);
  const kept = { ...parsed.kept, type: chosen.name };
  const initial = JSON.parse(JSON.stringify(await searchEvents({ ...parsed.data, type: chosen.name }))) as EventPage;
  const filterKey = new URLSearchParams(kept).toString();
  const fields: FilterField[] = [
    { key: 'type', label: 'Event type', type: 'select', options: types.map((t) => ({ value: t.name, label: `${t.label ?? t.name}${counts[t.name] ? ` (${formatCount(counts[t.name])})` : ''}` })) },
    { key: 'q', label: 'Id starts with', type: 'text', width: 160 },
    { key: 'entity', label: 'Entity', type: 'text', placeholder: 'entity:key', width: 180 },
    { key: 'decision', label: 'Decision', type: 'select', options: [any, ...EVENT_DECISIONS.map((d) => ({ value: d, label: d }))] },
    { key: 'label', label: 'Label', type: 'select', options: [any, ...EVENT_LABELS.map((d) => ({ value: d, label: d }))] },
    ...(chosen.definition.amountField ? [{ key: 'minAmount', label: 'Min amount', type: 'number', width: 100 }, { key: 'maxAmount', label: 'Max amount', type: 'number', width: 100 }] satisfies FilterField[] : []),
    { key: 'from', label: 'From', type: 'date' },
    { key: 'to', label: 'To', type: 'date' },
  ];
  const entities = [...new Set(chosen.definition.fields.flatMap((f) => (f.entity ? [f.entity] : [])))];
  return (
    <>
      <h1 data-testid="page-title">Events</h1>
      <p className="lead">
        Every stored event of a type, newest first, with the type&apos;s own fields. Filters live in the URL; sensitive fields are masked here and in the export.
        {can(who.role, 'eventtypes:read') ? <> The definition: <Link href={`/event-types/${chosen.name}`}>{chosen.label ?? chosen.name}</Link>.</> : null}
        {entities.length ? <> Entities: <span className="mono">{entities.join(', ')}</span>.</> : null}
      </p>
      <UrlFilters key={filterKey} fields={fields} values={kept} testId="events-filters" />
      {dropped.length ? <div className="alert warn" data-testid="filters-dropped">Ignored invalid filters: {dropped.join('; ')}</div> : null}
      <EventsTable key={filterKey} type={chosen.name} filters={filterKey}
        columns={chosen.definition.fields.filter((f) => f.name !== chosen.definition.idField).map((f) => ({ name: f.name, sensitive: Boolean(f.sensitive) }))} initial={initial} />
    </>
  );
}
