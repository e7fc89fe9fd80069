import { TransactionsApi } from '@/lib/server/api/transactions';
import { handle } from '@/lib/server/platform/api-route';
import { labelTransaction } from '@/lib/server/compat/transactions-read';

export const POST = handle(TransactionsApi.label, async ({ params, body, principal }) => labelTransaction(params.id, body.label, body.expectedVersion, principal));
