import Link from 'next/link';
import { CsvStart } from '@/components/event-types/csv-start';
import { DefinitionEditor } from '@/components/event-types/definition-editor';
import { Forbidden } from '@/components/forbidden';
import { emptyDraft } from '@/lib/client/definition-draft';
import { pageAccess } from '@/lib/server/access/pages';

export const metadata = { title: 'New event type' };

export default async function NewEventTypePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { who, allowed } = await pageAccess('eventtypes:write');
  if (!allowed) return <Forbidden role={who.role} what="define event types" />;
  const fromCsv = (await searchParams).fromCsv !== undefined;
  return (
    <>
      <div className="crumbs"><Link href="/event-types">Event types</Link> / new</div>
      <h1 data-testid="page-title">{fromCsv ? 'An event type from a CSV' : 'New event type'}</h1>
      <p className="lead">
        {fromCsv
          ? 'Pick a CSV: its first rows suggest fields, types, entity keys, sensitive fields and aggregates. Review, create, then import the file as training data.'
          : <>Name the fields your events carry, mark entity keys and sensitive fields, and add per-entity aggregates. Or <Link href="/event-types/new?fromCsv=1" data-testid="switch-from-csv">start from a CSV</Link>.</>}
      </p>
      {fromCsv ? <CsvStart /> : <DefinitionEditor initial={emptyDraft()} existing={null} canWrite />}
    </>
  );
}
