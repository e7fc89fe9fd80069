import { Forbidden } from '@/components/forbidden';
import { UrlFilters, type FilterField } from '@/components/review/queue-filters';
import { TransactionsTable } from '@/components/transactions/transactions-table';
import type { SearchPage } from '@/lib/client/transactions';
import { SPARKOV_CATEGORIES } from '@/lib/ml/events/seed-shapes';
import { DECISION_FILTERS, LABEL_FILTERS, parseFilters, SEARCH_FILTER_KEYS, TransactionSearchQuery } from '@/lib/schemas/transaction-search';
import { pageAccess } from '@/lib/server/access/pages';
import { searchTransactions } from '@/lib/server/compat/transactions-read';

export const metadata = { title: 'Transactions' };

const any = { value: '', label: 'any' };
const FIELDS: FilterField[] = [
  { key: 'q', label: 'Search', type: 'text', placeholder: 'id, merchant or card', width: 220 },
  { key: 'decision', label: 'Decision', type: 'select', options: [any, ...DECISION_FILTERS.map((d) => ({ value: d, label: d }))] },
  { key: 'label', label: 'Label', type: 'select', options: [any, ...LABEL_FILTERS.map((d) => ({ value: d, label: d }))] },
  { key: 'category', label: 'Category', type: 'select', options: [any, ...SPARKOV_CATEGORIES.map((c) => ({ value: c, label: c }))] },
  { key: 'minAmount', label: 'Min $', type: 'number', width: 90 },
  { key: 'maxAmount', label: 'Max $', type: 'number', width: 90 },
  { key: 'from', label: 'From', type: 'date' },
  { key: 'to', label: 'To', type: 'date' },
];

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { who, allowed } = await pageAccess('transactions:read');
  if (!allowed) return <Forbidden role={who.role} what="read transactions" />;
  const raw = await searchParams;
  const values: Record<string, string> = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const v = raw[key];
    if (typeof v === 'string' && v !== '') values[key] = v;
  }
  const { data: query, kept, dropped } = parseFilters(TransactionSearchQuery, values);
  const initial = JSON.parse(JSON.stringify(await searchTransactions(query))) as SearchPage;
  const filterKey = new URLSearchParams(kept).toString();
  return (
    <>
      <h1 data-testid="page-title">Transactions</h1>
      <p className="lead">Every scored transaction, labelled or not, newest first. Filters live in the URL, so a view can be shared or exported.</p>
      <UrlFilters key={filterKey} fields={FIELDS} values={kept} testId="tx-filters" />
      {dropped.length ? <div className="alert warn" data-testid="filters-dropped">Ignored invalid filters: {dropped.join('; ')}</div> : null}
      <TransactionsTable filters={filterKey} initial={initial} />
    </>
  );
}
