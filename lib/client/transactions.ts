// Transactions search: the server renders page one; "Load more" follows the keyset cursor through the JSON API.
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from './api';

export interface TransactionRow {
  id: string;
  externalId: string;
  occurredAt: string;
  cardId: string | null;
  email: string | null;
  amount: number | null;
  merchant: string | null;
  category: string | null;
  score: number | null;
  decision: string | null;
  label: string | null;
  labelledAt: string | null;
  modelVersionId: string | null;
}
export interface SearchPage { items: TransactionRow[]; total: number | null; totalCapped?: boolean; nextCursor: string | null }

const withCursor = (filters: string, cursor: string) => {
  const p = new URLSearchParams(filters);
  p.set('cursor', cursor);
  return p.toString();
};

export function useTransactionSearch(filters: string, initial: SearchPage) {
  return useInfiniteQuery({
    queryKey: ['transactions-search', filters],
    queryFn: ({ pageParam, signal }) => apiFetch<SearchPage>(`/api/transactions/search?${withCursor(filters, pageParam as string)}`, { signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [initial], pageParams: [''] },
  });
}

export const exportHref = (filters: string) => `/api/transactions/export${filters ? `?${filters}` : ''}`;
