import { TransactionSearchQuery } from '@/lib/schemas/transaction-search';
import { recordAudit } from '@/lib/server/audit';
import { requireScope } from '@/lib/server/auth';
import { parseWith, route } from '@/lib/server/http';
import { stringifyForSpreadsheet } from '@/lib/server/platform/csv-safe';
import { CSV_COLUMNS, exportTransactions } from '@/lib/server/transaction-search';

/** Streams every transaction matching the filters as CSV, one database batch per chunk (pull-driven backpressure); formula-like cells are neutralised. */
export const GET = route(async (req) => {
  const who = await requireScope(req, 'transactions:read');
  const query = parseWith(TransactionSearchQuery, Object.fromEntries(new URL(req.url).searchParams), 'Query');
  await recordAudit(who, { action: 'transactions.export', targetType: 'transaction', after: JSON.parse(JSON.stringify(query)) });
  const batches = exportTransactions(query);
  let header = true;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        // An empty result still gets its header row.
        if (header) controller.enqueue(encoder.encode(stringifyForSpreadsheet([], { header: true, columns: [...CSV_COLUMNS] })));
        return controller.close();
      }
      controller.enqueue(encoder.encode(stringifyForSpreadsheet(next.value, { header, columns: [...CSV_COLUMNS] })));
      header = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="transactions-${stamp}.csv"`, 'cache-control': 'no-store' },
  });
});
