import { TransactionsApi } from '@/lib/server/api/transactions';
import { handle } from '@/lib/server/platform/api-route';
import { bulkLabel } from '@/lib/server/compat/transactions-read';

/** Bulk labels: per-item version checks; conflicts are reported per item. */
export const POST = handle(TransactionsApi.bulkLabel, async ({ body, principal }) => bulkLabel(body.items, body.label, principal));
