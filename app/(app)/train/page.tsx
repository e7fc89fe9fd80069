import Link from 'next/link';
import { Forbidden } from '@/components/forbidden';
import { EmptyState } from '@/components/stat';
import { TrainForm, type DatasetOption } from '@/components/training/train-form';
import { listDatasets } from '@/lib/server/datasets';
import { pageAccess } from '@/lib/server/pages';

export const metadata = { title: 'Train' };

export default async function TrainPage() {
  const { who, allowed } = await pageAccess('models:train');
  if (!allowed) return <Forbidden role={who.role} what="train models" />;
  const datasets: DatasetOption[] = (await listDatasets()).flatMap((d) =>
    d.versions.map((v) => ({ versionId: v.id, name: d.name, version: v.version, kind: d.kind, rows: v.rowCount, positives: v.positiveCount })),
  );
  return (
    <>
      <h1 data-testid="page-title">Train a model</h1>
      <p className="lead">Pick a dataset version, an algorithm and what mistakes cost. The result is registered as a candidate version.</p>
      {datasets.length ? (
        <TrainForm datasets={datasets} />
      ) : (
        <EmptyState title="No datasets to train on" testId="empty-datasets">
          Import a labelled CSV on the <Link href="/datasets">Datasets page</Link>, or start Vigil with <code>VIGIL_DEMO=1</code> for demo data.
        </EmptyState>
      )}
    </>
  );
}
