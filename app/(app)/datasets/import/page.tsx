import Link from 'next/link';
import { ImportWizard } from '@/components/datasets/import-wizard';
import { Forbidden } from '@/components/forbidden';
import { pageAccess } from '@/lib/server/access/pages';

export const metadata = { title: 'Import a dataset' };

export default async function ImportDatasetPage() {
  const { who, allowed } = await pageAccess('datasets:write');
  if (!allowed) return <Forbidden role={who.role} what="import datasets" />;
  return (
    <>
      <p className="hint"><Link href="/datasets">← Datasets</Link></p>
      <h1 data-testid="page-title">Import a CSV</h1>
      <p className="lead">A labelled CSV becomes a new immutable dataset version. Preview it, map its columns, then import.</p>
      <ImportWizard />
    </>
  );
}
