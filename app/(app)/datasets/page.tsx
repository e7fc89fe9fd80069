import { Forbidden } from '@/components/forbidden';
import { EmptyState } from '@/components/stat';
import { listDatasets } from '@/lib/server/datasets';
import { pageAccess } from '@/lib/server/pages';

export const metadata = { title: 'Datasets' };

export default async function DatasetsPage() {
  const { who, allowed } = await pageAccess('datasets:read');
  if (!allowed) return <Forbidden role={who.role} what="read datasets" />;
  const datasets = await listDatasets();
  return (
    <>
      <h1 data-testid="page-title">Datasets</h1>
      <p className="lead">Immutable, versioned training data. Every version keeps the sha256 of its content.</p>
      {datasets.length === 0 ? (
        <EmptyState title="No datasets yet">Start Vigil with the demo (the default) or import a labelled CSV.</EmptyState>
      ) : (
        <div className="card">
          <table data-testid="datasets-table">
            <thead><tr><th>Name</th><th>Kind</th><th>Latest</th><th>Rows</th><th>Positives</th><th>Source</th><th>sha256</th></tr></thead>
            <tbody>
              {datasets.map((d) => {
                const v = d.versions[0];
                return (
                  <tr key={d.id}>
                    <td>{d.name}</td><td><span className="badge">{d.kind}</span></td><td>v{v?.version ?? '–'}</td>
                    <td>{v?.rowCount.toLocaleString() ?? '–'}</td>
                    <td>{v ? `${v.positiveCount.toLocaleString()} (${((100 * v.positiveCount) / Math.max(1, v.rowCount)).toFixed(1)}%)` : '–'}</td>
                    <td>{v?.source ?? '–'}</td><td className="mono">{v?.sha256.slice(0, 12) ?? '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
