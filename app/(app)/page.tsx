import Link from 'next/link';
import { EmptyState, Stat } from '@/components/stat';
import { overviewStats } from '@/lib/server/overview';
import { requireSession } from '@/lib/server/pages';

export const metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const who = await requireSession();
  const s = await overviewStats();
  const flagRate = s.transactions24h ? `${((100 * s.flagged24h) / s.transactions24h).toFixed(1)}% flagged` : 'no traffic yet';
  return (
    <>
      <h1 data-testid="page-title">Overview</h1>
      <p className="lead">Welcome back, {who.name}. Here is the state of fraud operations right now.</p>
      <div className="grid cols-4" style={{ marginBottom: 20 }}>
        <Stat label="Transactions (24 h)" value={s.transactions24h.toLocaleString()} hint={flagRate} testId="stat-volume" />
        <Stat label="Review queue" value={s.reviewQueue.toLocaleString()} hint="unlabelled review and block items" testId="stat-queue" />
        <Stat label="Open alerts" value={s.openAlerts.toLocaleString()} testId="stat-alerts" />
        <Stat label="Worker" value={s.workerAlive ? <span className="badge ok">running</span> : <span className="badge danger">not seen</span>} hint={`${s.activeJobs} job(s) queued or running`} testId="stat-worker" />
      </div>
      <div className="grid cols-2">
        <div className="card">
          <h2>Serving models</h2>
          {s.productionModels.length ? (
            <table>
              <thead><tr><th>Kind</th><th>Model</th><th>Version</th></tr></thead>
              <tbody>
                {s.productionModels.map((m) => (
                  <tr key={m.id}><td>{m.kind}</td><td>{m.model.name}</td><td>v{m.version}</td></tr>
                ))}
              </tbody>
            </table>
          ) : (
            <EmptyState title="No model is serving yet" testId="empty-models">
              Train a model from a dataset, then promote a version to production. Scoring stays off until then.
            </EmptyState>
          )}
        </div>
        <div className="card">
          <h2>Data</h2>
          {s.datasets ? (
            <p>
              {s.datasets} dataset(s) available for training. <Link href="/datasets">Browse datasets →</Link>
            </p>
          ) : (
            <EmptyState title="No datasets yet" testId="empty-datasets">
              Import a labelled CSV, or start with <code>VIGIL_DEMO=1</code> to generate the demo data.
            </EmptyState>
          )}
          {s.transactions24h === 0 ? (
            <EmptyState title="No transactions in the last 24 hours">
              Send transactions to <code>POST /api/transactions</code> with an API token to see volume and flags here.
            </EmptyState>
          ) : null}
        </div>
      </div>
    </>
  );
}
