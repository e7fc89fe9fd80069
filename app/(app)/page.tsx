import Link from 'next/link';
import { TypeVolumesChart } from '@/components/overview/type-volumes-chart';
import { TypeVolumesTable } from '@/components/overview/type-volumes-table';
import { VolumeChart } from '@/components/overview/volume-chart';
import { EmptyState, Stat } from '@/components/stat';
import { volumeRows } from '@/lib/charts/volume';
import { typeVolumes } from '@/lib/server/monitoring/type-volumes';
import { dailyVolume, latestDrift, overviewStats } from '@/lib/server/monitoring/overview';
import { requireSession } from '@/lib/server/access/pages';
import { formatCount, formatPercent } from '@/lib/format';

export const metadata = { title: 'Overview' };

const DRIFT_BADGE: Record<string, string> = { ok: 'ok', warn: 'warn', alert: 'danger', insufficient: '' };

export default async function OverviewPage() {
  const who = await requireSession();
  const [s, days, drift, types] = await Promise.all([overviewStats(), dailyVolume(14), latestDrift(), typeVolumes()]);
  const flagRate = s.transactions24h ? `${formatPercent(s.flagged24h / s.transactions24h)} flagged` : 'no traffic yet';
  return (
    <>
      <h1 data-testid="page-title">Overview</h1>
      <p className="lead">Welcome back, {who.name}. Here is the state of fraud operations right now.</p>
      <div className="grid cols-4" style={{ marginBottom: 20 }}>
        <Stat label="Transactions (24 h)" value={formatCount(s.transactions24h)} hint={flagRate} testId="stat-volume" />
        <Stat label="Review queue" value={<Link href="/review">{formatCount(s.reviewQueue)}</Link>} hint="unlabelled review and block items" testId="stat-queue" />
        <Stat label="Open alerts" value={<Link href="/alerts">{formatCount(s.openAlerts)}</Link>} testId="stat-alerts" />
        <Stat label="Worker" value={s.workerAlive ? <span className="badge ok">running</span> : <span className="badge danger">not seen</span>} hint={`${s.activeJobs} job(s) queued or running`} testId="stat-worker" />
      </div>
      <div className="card" style={{ marginBottom: 16 }}>
        <h2>Volume and flag rate, last 14 days</h2>
        <VolumeChart rows={volumeRows(days)} />
      </div>
      <div className="card" style={{ marginBottom: 16 }}>
        <h2>Every type: volume and flag rate (last 14 UTC days and today)</h2>
        <TypeVolumesChart types={types} />
        <TypeVolumesTable rows={types} />
        <p className="muted small">A flag is a review or block decision. Event types appear once they have events in the last 14 days; open one for its review queue.</p>
      </div>
      <div className="grid cols-2">
        <div className="card">
          <h2>Serving models</h2>
          {drift.length ? (
            <table data-testid="serving-models">
              <thead><tr><th>Serves</th><th>Stage</th><th>Version</th><th>Latest drift</th></tr></thead>
              <tbody>
                {drift.map((m) => (
                  <tr key={m.id}>
                    <td><Link href={`/models/versions/${m.id}`}>{m.servingSlot}</Link></td>
                    <td>{m.stage}</td>
                    <td>v{m.version}</td>
                    <td>{m.snapshot ? <Link href="/drift"><span className={`badge ${DRIFT_BADGE[m.snapshot.status] ?? ''}`}>{m.snapshot.status}</span> {m.snapshot.scorePsi !== null ? `PSI ${m.snapshot.scorePsi.toFixed(2)}` : ''}</Link> : <span className="lead">not measured yet</span>}</td>
                  </tr>
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
            <p>{s.datasets} dataset(s) available for training. <Link href="/datasets">Browse datasets →</Link></p>
          ) : (
            <EmptyState title="No datasets yet" testId="empty-datasets">
              Import a labelled CSV, or start with <code>VIGIL_DEMO=1</code> to generate the demo data.
            </EmptyState>
          )}
        </div>
      </div>
    </>
  );
}
