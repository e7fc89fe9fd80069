import { Forbidden } from '@/components/forbidden';
import { UrlFilters, type FilterField } from '@/components/review/queue-filters';
import { ReviewQueue } from '@/components/review/review-queue';
import type { QueuePage } from '@/lib/client/review';
import { SPARKOV_CATEGORIES } from '@/lib/ml/events/seed-shapes';
import { QueueQuery } from '@/lib/schemas/reviews';
import { parseFilters } from '@/lib/schemas/transaction-search';
import { listModels } from '@/lib/server/models';
import { pageAccess } from '@/lib/server/pages';
import { can } from '@/lib/server/rbac';
import { reviewQueue } from '@/lib/server/reviews';

export const metadata = { title: 'Review queue' };

// Same page size as the client's refetches (lib/client/review QUEUE_LIMIT); constants can't cross into server code from a hooks module.
const QUEUE_LIMIT = 100;
const FILTER_KEYS = ['band', 'minAmount', 'maxAmount', 'category', 'from', 'to', 'model'] as const;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { who, allowed } = await pageAccess('transactions:read');
  if (!allowed) return <Forbidden role={who.role} what="read the review queue" />;
  const raw = await searchParams;
  const values: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = raw[key];
    if (typeof v === 'string' && v !== '') values[key] = v;
  }
  const { data: filtered, kept, dropped } = parseFilters(QueueQuery, values);
  const query = { ...filtered, limit: QUEUE_LIMIT };
  // Dates become ISO strings, exactly as the client's later fetches of /api/review/queue see them.
  const [initial, models] = await Promise.all([reviewQueue(query).then((p) => JSON.parse(JSON.stringify(p)) as QueuePage), listModels()]);
  const versions = models.filter((m) => m.kind === 'transaction' || m.kind === 'email').flatMap((m) => m.versions.map((v) => ({ value: v.id, label: `${m.name} v${v.version} (${v.stage})` })));

  const fields: FilterField[] = [
    { key: 'band', label: 'Band', type: 'select', options: [{ value: '', label: 'review + block' }, { value: 'review', label: 'review' }, { value: 'block', label: 'block' }] },
    { key: 'minAmount', label: 'Min $', type: 'number', width: 90 },
    { key: 'maxAmount', label: 'Max $', type: 'number', width: 90 },
    { key: 'category', label: 'Category', type: 'select', options: [{ value: '', label: 'any' }, ...SPARKOV_CATEGORIES.map((c) => ({ value: c, label: c }))] },
    { key: 'from', label: 'From', type: 'date' },
    { key: 'to', label: 'To', type: 'date' },
    { key: 'model', label: 'Model', type: 'select', options: [{ value: '', label: 'any' }, ...versions] },
  ];
  const filterKey = new URLSearchParams(kept).toString();
  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">Review queue</h1>
          <p className="lead">Unlabelled review and block items, riskiest first. Your labels become training data.</p>
        </div>
      </div>
      <UrlFilters key={filterKey} fields={fields} values={kept} testId="queue-filters" />
      {dropped.length ? <div className="alert warn" data-testid="filters-dropped">Ignored invalid filters: {dropped.join('; ')}</div> : null}
      <ReviewQueue filters={filterKey} initial={initial} canLabel={can(who.role, 'review:label')} />
    </>
  );
}
