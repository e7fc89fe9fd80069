'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { formatCount, formatDateTime, formatMoney, formatScore } from '@/lib/format';
import { exportHref, type SearchPage, useTransactionSearch } from '@/lib/client/transactions';
import { BandBadge, LabelBadge } from '@/components/scoring/band-badge';

export function TransactionsTable({ filters, initial }: { filters: string; initial: SearchPage }) {
  const router = useRouter();
  const search = useTransactionSearch(filters, initial);
  const rows = search.data.pages.flatMap((p) => p.items);
  const total = search.data.pages[0]?.total ?? null;

  return (
    <div className="card queue-card">
      <div className="queue-bar">
        <div><strong data-testid="tx-count">{total === null ? rows.length : `${formatCount(total)}${search.data.pages[0]?.totalCapped ? '+' : ''}`}</strong> <span className="muted">transaction(s) match{rows.length && total !== null && total > rows.length ? ` · showing ${rows.length}` : ''}</span></div>
        <a className="btn sm" href={exportHref(filters)} download data-testid="export-csv">Export CSV</a>
      </div>
      {rows.length ? (
        <div className="table-scroll">
          <table className="queue-table" data-testid="tx-table">
            <thead><tr><th>Time</th><th>External id</th><th className="num">Amount</th><th>Merchant / email</th><th>Category</th><th>Card</th><th className="num">Score</th><th>Decision</th><th>Label</th></tr></thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.id} data-testid="tx-row" onClick={() => router.push(`/review/${t.id}`)}>
                  <td className="nowrap small muted">{formatDateTime(t.occurredAt)}</td>
                  <td className="mono small ellipsis"><Link href={`/review/${t.id}`} onClick={(e) => e.stopPropagation()}>{t.externalId}</Link></td>
                  <td className="num mono">{formatMoney(t.amount)}</td>
                  <td className="ellipsis">{t.merchant ?? t.email ?? '–'}</td>
                  <td className="muted">{t.category ?? '–'}</td>
                  <td className="mono small muted">{t.cardId ? `…${t.cardId.slice(-4)}` : '–'}</td>
                  <td className="num">{formatScore(t.score)}</td>
                  <td data-testid="tx-decision"><BandBadge decision={t.decision} /></td>
                  <td><LabelBadge label={t.label} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="empty" data-testid="tx-empty">
          <strong>{filters ? 'No transaction matches these filters' : 'No transactions yet'}</strong>
          {filters ? 'Clear or widen the filters.' : 'Send transactions to POST /api/transactions with an API token; they are scored and appear here.'}
        </div>
      )}
      {search.error ? <div className="alert error">{search.error.message}</div> : null}
      {search.hasNextPage ? (
        <div className="load-more">
          <button className="btn" onClick={() => search.fetchNextPage()} disabled={search.isFetchingNextPage} data-testid="load-more">
            {search.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
