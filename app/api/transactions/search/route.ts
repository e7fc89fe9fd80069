import { TransactionSearchQuery } from '@/lib/schemas/transaction-search';
import { requireScope } from '@/lib/server/auth';
import { json, parseWith, route } from '@/lib/server/http';
import { searchTransactions } from '@/lib/server/transaction-search';

/** JSON paging for the transactions page: the same filters as the URL, plus cursor and limit. */
export const GET = route(async (req) => {
  await requireScope(req, 'transactions:read');
  const query = parseWith(TransactionSearchQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  return json(await searchTransactions(query));
});
