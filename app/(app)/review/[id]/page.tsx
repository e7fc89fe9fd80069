import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Forbidden } from '@/components/forbidden';
import { LabelPanel } from '@/components/review/label-panel';
import { formatDateTime, formatMoney, formatScore } from '@/lib/format';
import { BandBadge, LabelBadge } from '@/components/scoring/band-badge';
import { ReasonsList } from '@/components/scoring/reasons-list';
import type { Reason } from '@/lib/client/scoring';
import { ApiError } from '@/lib/server/platform/http';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';
import { transactionDetail } from '@/lib/server/compat/transactions-read';
import { labellerName } from '@/lib/server/compat/transactions-read';

export const metadata = { title: 'Transaction' };

export default async function ReviewItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { who, allowed } = await pageAccess('transactions:read');
  if (!allowed) return <Forbidden role={who.role} what="read transactions" />;
  const { id } = await params;
  const t = await transactionDetail(id).catch((err) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err)));
  if (!t) notFound();
  const reasons = (Array.isArray(t.reasons) ? t.reasons : []) as unknown as Reason[];
  const labelledBy = await labellerName(t.labelledById);

  return (
    <>
      <div className="crumbs"><Link href="/review">Review queue</Link> / <Link href="/events?type=card_transaction">Events</Link> / {t.externalId}</div>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title"><span className="mono">{t.externalId}</span> <BandBadge decision={t.decision} testId="detail-band" /></h1>
          <p className="lead">{formatDateTime(t.occurredAt)} · {t.merchant ?? t.email ?? 'no merchant'} · {t.category ?? 'no category'}</p>
        </div>
      </div>
      <div className="detail-layout">
        <div className="grid">
          <div className="grid cols-4 detail-stats">
            <div className="card stat"><div className="label">Score</div><div className="value" data-testid="detail-score">{formatScore(t.score)}</div><div className="hint">{t.shadowScore !== null ? `shadow ${formatScore(t.shadowScore)}` : 'no shadow model'}</div></div>
            <div className="card stat"><div className="label">Amount</div><div className="value">{formatMoney(t.amount)}</div></div>
            <div className="card stat"><div className="label">Card</div><div className="value mono small-value">{t.cardId ?? '–'}</div><div className="hint">{t.customerId ?? ''}</div></div>
            <div className="card stat"><div className="label">Model</div><div className="value small-value" data-testid="detail-model">{t.modelVersionId ? <Link href={`/models/versions/${t.modelVersionId}`}>{t.modelVersionName ?? 'deleted version'}</Link> : 'not scored'}</div></div>
          </div>
          <div className="card">
            <h2>Why it was flagged</h2>
            <ReasonsList reasons={reasons} testId="detail-reasons" empty="No reasons were stored: reasons are computed for review and block items only." />
          </div>
          <div className="card">
            <h2>This card’s recent history</h2>
            {t.recent.length ? (
              <table className="dense" data-testid="card-history">
                <thead><tr><th>Time</th><th className="num">Amount</th><th>Merchant</th><th>Category</th><th className="num">Score</th><th>Band</th><th>Label</th></tr></thead>
                <tbody>
                  {t.recent.map((r) => (
                    <tr key={r.id}>
                      <td className="nowrap small"><Link href={`/review/${r.id}`}>{formatDateTime(r.occurredAt)}</Link></td>
                      <td className="num mono">{formatMoney(r.amount)}</td><td className="ellipsis">{r.merchant ?? '–'}</td><td className="muted">{r.category ?? '–'}</td>
                      <td className="num">{formatScore(r.score)}</td><td><BandBadge decision={r.decision} /></td><td><LabelBadge label={r.label} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : <div className="empty"><strong>No other transactions on this card</strong>History appears as more of the card’s transactions are ingested.</div>}
          </div>
          <div className="card">
            <h2>Raw payload</h2>
            <pre className="log" data-testid="payload">{JSON.stringify(t.payload, null, 2)}</pre>
          </div>
        </div>
        <div className="detail-side">
          <LabelPanel key={`${t.label}:${t.version}`} id={t.id} label={t.label} version={t.version} labelledBy={labelledBy} labelledAt={t.labelledAt?.toISOString() ?? null} canLabel={can(who.role, 'review:label')} />
        </div>
      </div>
    </>
  );
}
