import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ColumnCharts } from '@/components/datasets/column-charts';
import { PreviewTable } from '@/components/datasets/preview-table';
import { Forbidden } from '@/components/forbidden';
import { EmptyState, Stat } from '@/components/stat';
import { percent } from '@/lib/charts/dataset-charts';
import { getVersionDetail } from '@/lib/server/datasets';
import { ApiError } from '@/lib/server/platform/http';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';
import { formatCount, formatDateTime } from '@/lib/format';

export const metadata = { title: 'Dataset version' };

export default async function DatasetVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const { who, allowed } = await pageAccess('datasets:read');
  if (!allowed) return <Forbidden role={who.role} what="read datasets" />;
  const { id } = await params;
  const v = await getVersionDetail(id).catch((err) => { if (err instanceof ApiError && err.status === 404) notFound(); throw err; });
  const header = v.columns.map((c) => c.name);
  const label = v.stats?.label;
  return (
    <>
      <p className="hint"><Link href="/datasets">← Datasets</Link></p>
      <h1 data-testid="page-title">{v.dataset.name} <span className="hint">v{v.version}</span></h1>
      <p className="lead">
        <span className="badge">{v.dataset.kind}</span> source <strong data-testid="version-source">{v.source}</strong>, created {formatDateTime(v.createdAt)}
        {can(who.role, 'models:train') && v.positiveCount > 0 ? <> · <Link href={`/train?dataset=${encodeURIComponent(v.id)}`} data-testid="train-this-version">Train a model on this version →</Link></> : null}
      </p>
      <div className="grid cols-4">
        <Stat label="Rows" value={<span data-testid="version-rows">{formatCount(v.rowCount)}</span>} hint={v.stats?.aggregate ? `from ${formatCount(v.stats.aggregate.sourceRows)} event rows, per ${v.stats.aggregate.by}` : undefined} />
        <Stat label="Positives" value={<span data-testid="version-positives">{formatCount(v.positiveCount)}</span>} hint={`label column ${v.labelColumn}`} />
        <Stat label="Positive rate" value={percent(v.positiveCount, v.rowCount, 2)} hint={label?.unlabelled ? `${formatCount(label.unlabelled)} rows unlabelled` : 'every row labelled'} />
        <Stat label="Columns" value={v.columns.length} hint={[v.timeColumn && `time ${v.timeColumn}`, v.idColumn && `id ${v.idColumn}`].filter(Boolean).join(', ') || undefined} />
      </div>
      <div className="card dataset-meta">
        <div><span className="hint">sha256</span> <span className="mono" data-testid="version-sha256">{v.sha256}</span></div>
        <div className="hint">Stored gzip: {(v.contentBytes / 1024).toFixed(1)} KB. A version never changes; a new import of the same name makes a new version.</div>
        {label && Object.keys(label.unreadable).length ? (
          <div className="hint">Unreadable labels (kept as unlabelled): {Object.entries(label.unreadable).map(([k, n]) => `${k} ×${n}`).join(', ')}</div>
        ) : null}
      </div>
      <h2>First rows</h2>
      <div className="card">
        {v.preview.length ? <PreviewTable header={header} rows={v.preview} types={v.columns.map((c) => c.type)} testId="version-preview" /> : <EmptyState title="No rows">This version holds no rows.</EmptyState>}
      </div>
      <h2>Columns</h2>
      {v.stats?.columns.length ? (
        <ColumnCharts stats={v.stats.columns} columns={v.columns} />
      ) : (
        <EmptyState title="No column statistics" testId="no-stats">This version was stored before statistics existed. Import the data again to compute them.</EmptyState>
      )}
    </>
  );
}
