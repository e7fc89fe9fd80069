import { TransactionsApi } from '@/lib/server/api/transactions';
import { handle } from '@/lib/server/platform/api-route';
import { ingestTransactions } from '@/lib/server/compat/transactions';

/** Real-time ingestion: up to 1,000 Sparkov-shaped records; idempotent on trans_num. */
export const POST = handle(TransactionsApi.ingest, async ({ body, principal }) => ingestTransactions(body.transactions, principal));
