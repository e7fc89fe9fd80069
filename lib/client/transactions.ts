// Transactions search: the server renders page one; "Load more" follows the keyset cursor through the JSON API.
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from './api';

import type { SearchPage, TransactionRow } from '@/lib/schemas/responses/transactions';

export type { SearchPage, TransactionRow };

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
