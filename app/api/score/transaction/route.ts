import { ScoringApi } from '@/lib/server/api/scoring';
import { handle } from '@/lib/server/platform/api-route';
import { scoreTransaction } from '@/lib/server/compat/transactions';

export const POST = handle(ScoringApi.transaction, async ({ body }) => scoreTransaction(body.transaction, body.modelVersionId));
