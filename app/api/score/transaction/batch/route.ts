import { ScoringApi } from '@/lib/server/api/scoring';
import { handle } from '@/lib/server/platform/api-route';
import { scoreTransactionBatch } from '@/lib/server/compat/transactions';

export const POST = handle(ScoringApi.transactionBatch, async ({ body }) => scoreTransactionBatch(body.transactions, body.modelVersionId));
