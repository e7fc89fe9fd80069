import { TransactionsApi } from '@/lib/server/api/transactions';
import { handle } from '@/lib/server/platform/api-route';
import { searchTransactions } from '@/lib/server/compat/transactions-read';

/** JSON paging for the transactions page: the same filters as the URL, plus cursor and limit. */
export const GET = handle(TransactionsApi.search, async ({ query }) => searchTransactions(query));
