import { TransactionsApi } from '@/lib/server/api/transactions';
import { handle } from '@/lib/server/platform/api-route';
import { transactionDetail } from '@/lib/server/compat/transactions-read';

export const GET = handle(TransactionsApi.detail, async ({ params }) => transactionDetail(params.id));
