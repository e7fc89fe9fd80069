import { TransactionsApi } from '@/lib/server/api/transactions';
import { recordAudit } from '@/lib/server/access/audit';
import { handle } from '@/lib/server/platform/api-route';
import { csvDownload } from '@/lib/server/platform/csv-safe';
import { CSV_COLUMNS, exportTransactions } from '@/lib/server/compat/transactions-read';

/** Streams every transaction matching the filters as CSV, one database batch per chunk (pull-driven backpressure); formula-like cells are neutralised. */
export const GET = handle(TransactionsApi.export, async ({ query, principal }) => {
  await recordAudit(principal, { action: 'transactions.export', targetType: 'transaction', after: JSON.parse(JSON.stringify(query)) });
  return csvDownload(exportTransactions(query), [...CSV_COLUMNS], 'transactions');
});
