import Link from 'next/link';
import { Forbidden } from '@/components/forbidden';
import { EmptyState } from '@/components/stat';
import { TrainForm, type DatasetOption } from '@/components/training/train-form';
import { listDatasets } from '@/lib/server/datasets';
import { pageAccess } from '@/lib/server/access/pages';

export const metadata = { title: 'Train' };

export default async function TrainPage({ searchParams }: { searchParams: Promise<{ dataset?: string | string[] }> }) {
  const { who, allowed } = await pageAccess('models:train');
  if (!allowed) return <Forbidden role={who.role} what="train models" />;
  const all = (await listDatasets()).flatMap((d) =>
    d.versions.map((v) => ({ option: { versionId: v.id, name: d.name, version: v.version, kind: d.kind, rows: v.rowCount, positives: v.positiveCount } as DatasetOption, createdAt: v.createdAt.getTime() })),
  );
  const datasets = all.map((a) => a.option);
  // ?dataset=<version id> (from a dataset page) or else the version imported last: what someone came here to train.
  const asked = (await searchParams).dataset;
  const newest = all.reduce<(typeof all)[number] | null>((best, a) => (!best || a.createdAt > best.createdAt ? a : best), null);
  const initial = datasets.find((d) => d.versionId === asked)?.versionId ?? newest?.option.versionId ?? '';
  return (
    <>
      <h1 data-testid="page-title">Train a model</h1>
      <p className="lead">Pick a dataset version, an algorithm and what mistakes cost. The result is registered as a candidate version.</p>
      {datasets.length ? (
        <TrainForm datasets={datasets} initialVersionId={initial} />
      ) : (
        <EmptyState title="No datasets to train on" testId="empty-datasets">
          Import a labelled CSV on the <Link href="/datasets">Datasets page</Link>, or start Vigil with <code>VIGIL_DEMO=1</code> for demo data.
        </EmptyState>
      )}
    </>
  );
}
