// The review queue of one event type (server-rendered): each event links to its page, where it is labelled.
import Link from 'next/link';
import { BandBadge } from '@/components/scoring/band-badge';
import { formatCount, formatDateTime, formatMoney, formatScore } from '@/lib/format';
import type { EventQueuePage } from '@/lib/schemas/responses/events';

export function EventQueue({ page, filtered, nextHref }: { page: EventQueuePage; filtered: boolean; nextHref: string | null }) {
  const { type, items } = page;
  return (
    <div className="card queue-card">
      <div className="queue-bar">
        <div>
          <strong data-testid="queue-count">{formatCount(page.total)}</strong> <span className="muted">unlabelled {type} event(s) to review</span>
          {page.total > items.length ? <span className="muted small"> · showing {items.length}, riskiest first</span> : null}
        </div>
        <span className="muted small">Open an event to label it.</span>
      </div>
      {items.length ? (
        <div className="table-scroll">
          <table className="queue-table" aria-label={`Review queue of ${type}`} data-testid="queue-table">
            <thead>
              <tr><th className="num">Score</th><th>Band</th><th>Id</th><th className="num">Amount</th><th>Time</th><th>Top reason</th></tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-testid="queue-row" data-id={e.id}>
                  <td className="num score-cell"><span className={`score-pill ${e.decision ?? ''}`}>{formatScore(e.score)}</span></td>
                  <td><BandBadge decision={e.decision} /></td>
                  <td className="mono small ellipsis"><Link href={`/events/${e.id}`} data-testid="event-link">{e.externalId}</Link></td>
                  <td className="num mono">{formatMoney(e.amount)}</td>
                  <td className="muted nowrap small">{formatDateTime(e.occurredAt)}</td>
                  <td className="ellipsis reason-cell" title={e.reasons?.map((r) => r.text).join('\n')}>{e.reasons?.[0]?.text ?? <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="empty" data-testid="queue-empty">
          <strong>{filtered ? 'Nothing matches these filters' : 'The queue is clear'}</strong>
          {filtered ? 'Clear or widen the filters to see more items.' : `New review and block events arrive as ${type} events are ingested through POST /api/events/${type}.`}
        </div>
      )}
      {nextHref ? <div className="load-more"><Link className="btn" href={nextHref} data-testid="queue-next">Next {items.length} →</Link></div> : null}
    </div>
  );
}
