import { TransactionSearchQuery } from '@/lib/schemas/transaction-search';
import { recordAudit } from '@/lib/server/audit';
import { requireScope } from '@/lib/server/auth';
import { parseWith, route } from '@/lib/server/http';
import { csvDownload } from '@/lib/server/platform/csv-safe';
import { CSV_COLUMNS, exportTransactions } from '@/lib/server/transaction-search';

/** Streams every transaction matching the filters as CSV, one database batch per chunk (pull-driven backpressure); formula-like cells are neutralised. */
export const GET = route(async (req) => {
  const who = await requireScope(req, 'transactions:read');
  const query = parseWith(TransactionSearchQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  await recordAudit(who, { action: 'transactions.export', targetType: 'transaction', after: JSON.parse(JSON.stringify(query)) });
  return csvDownload(exportTransactions(query), [...CSV_COLUMNS], 'transactions');
});
