import { IngestInput } from '@/lib/schemas/scoring';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { ingestTransactions } from '@/lib/server/transactions';

/** Real-time ingestion: up to 1,000 Sparkov-shaped records; idempotent on trans_num. */
export const POST = route(async (req) => {
  const who = await requireScope(req, 'transactions:ingest');
  const { transactions } = await readJson(req, IngestInput, 2_000_000);
  return json(await ingestTransactions(transactions, who), 201);
});
