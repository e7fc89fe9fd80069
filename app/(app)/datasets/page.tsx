import Link from 'next/link';
import { SnapshotLabelsButton } from '@/components/datasets/snapshot-labels-button';
import { Forbidden } from '@/components/forbidden';
import { EmptyState } from '@/components/stat';
import { percent } from '@/lib/charts/dataset-charts';
import { listDatasets } from '@/lib/server/datasets';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';
import { formatCount, formatDateTime } from '@/lib/format';

export const metadata = { title: 'Datasets' };

export default async function DatasetsPage() {
  const { who, allowed } = await pageAccess('datasets:read');
  if (!allowed) return <Forbidden role={who.role} what="read datasets" />;
  const writer = can(who.role, 'datasets:write');
  const datasets = await listDatasets();
  return (
    <>
      <div className="row dataset-title">
        <h1 data-testid="page-title">Datasets</h1>
        {writer ? (
          <div className="row">
            <SnapshotLabelsButton />
            <Link className="btn primary" href="/datasets/import" data-testid="import-csv">Import CSV</Link>
          </div>
        ) : null}
      </div>
      <p className="lead">Immutable, versioned training data. Every version keeps the sha256 of its content.</p>
      {datasets.length === 0 ? (
        <EmptyState title="No datasets yet" testId="datasets-empty">
          {writer ? 'Import a labelled CSV, or snapshot the labels collected in the review queue.' : 'An engineer can import a labelled CSV; ask one if you need data here.'}
        </EmptyState>
      ) : (
        <div className="card">
          <table data-testid="datasets-table">
            <thead><tr><th>Name</th><th>Kind</th><th>Version</th><th>Rows</th><th>Positives</th><th>Source</th><th>sha256</th><th>Created</th></tr></thead>
            <tbody>
              {datasets.flatMap((d) => d.versions.map((v, i) => (
                <tr key={v.id} className={i === 0 ? 'dataset-latest' : 'dataset-older'} data-testid={`dataset-version-${d.name}-v${v.version}`}>
                  <td>{i === 0 ? <strong>{d.name}</strong> : null}</td>
                  <td>{i === 0 ? <span className="badge">{d.kind}</span> : null}</td>
                  <td><Link href={`/datasets/versions/${v.id}`}>v{v.version}</Link>{i === 0 ? <span className="hint"> latest</span> : null}</td>
                  <td>{formatCount(v.rowCount)}</td>
                  <td>{formatCount(v.positiveCount)} ({percent(v.positiveCount, v.rowCount)})</td>
                  <td>{v.source}</td>
                  <td className="mono">{v.sha256.slice(0, 12)}</td>
                  <td>{formatDateTime(v.createdAt)}</td>
                </tr>
              )))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
