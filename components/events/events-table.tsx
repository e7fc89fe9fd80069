'use client';
// The events of one type: its own fields as columns (sensitive ones arrive masked), then score, decision, label.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { formatCount, formatDateTime, formatScore, formatValue } from '@/lib/format';
import { eventExportHref, type EventPage, useEventSearch } from '@/lib/client/events';
import { BandBadge, LabelBadge } from '@/components/scoring/band-badge';

export interface TableColumn { name: string; sensitive: boolean }

export function EventsTable({ type, columns, filters, initial }: { type: string; columns: TableColumn[]; filters: string; initial: EventPage }) {
  const router = useRouter();
  const search = useEventSearch(filters, initial);
  const rows = search.data.pages.flatMap((p) => p.items);
  const filtered = Array.from(new URLSearchParams(filters).keys()).some((k) => k !== 'type');

  return (
    <div className="card queue-card">
      <div className="queue-bar">
        <div><strong data-testid="events-count">{formatCount(rows.length)}{search.hasNextPage ? '+' : ''}</strong> <span className="muted">{type} event(s){search.hasNextPage ? ' loaded' : ''}</span></div>
        <a className="btn sm" href={eventExportHref(filters)} download data-testid="events-export">Export CSV</a>
      </div>
      {rows.length ? (
        <div className="table-scroll">
          <table className="queue-table" data-testid="events-table">
            <thead>
              <tr>
                <th>Time</th><th>Id</th>
                {columns.map((c) => <th key={c.name} title={c.sensitive ? 'Sensitive: masked' : undefined}>{c.name}{c.sensitive ? ' 🔒' : ''}</th>)}
                <th className="num">Score</th><th>Decision</th><th>Label</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-testid="event-row" data-id={e.id} onClick={() => router.push(`/events/${e.id}`)}>
                  <td className="nowrap small muted">{formatDateTime(e.occurredAt)}</td>
                  <td className="mono small ellipsis"><Link href={`/events/${e.id}`} onClick={(ev) => ev.stopPropagation()} data-testid="event-link">{e.externalId}</Link></td>
                  {columns.map((c) => <td key={c.name} className={`small ellipsis${c.sensitive ? ' mono' : ''}`}>{formatValue(e.payload[c.name])}</td>)}
                  <td className="num">{formatScore(e.score)}</td>
                  <td data-testid="event-decision"><BandBadge decision={e.decision} /></td>
                  <td><LabelBadge label={e.label} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="empty" data-testid="events-empty">
          <strong>{filtered ? 'No event matches these filters' : `No ${type} events yet`}</strong>
          {filtered ? 'Clear or widen the filters.' : `Send events to POST /api/events/${type} with an API token; they are scored and appear here.`}
        </div>
      )}
      {search.error ? <div className="alert error">{search.error.message}</div> : null}
      {search.hasNextPage ? (
        <div className="load-more">
          <button className="btn" onClick={() => search.fetchNextPage()} disabled={search.isFetchingNextPage} data-testid="events-load-more">
            {search.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
