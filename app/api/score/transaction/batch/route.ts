import { ScoreTransactionBatchInput } from '@/lib/schemas/scoring';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { scoreTransactionBatch } from '@/lib/server/transactions';

export const POST = route(async (req) => {
  await requireScope(req, 'score:test');
  const { transactions, modelVersionId } = await readJson(req, ScoreTransactionBatchInput, 2_000_000);
  return json(await scoreTransactionBatch(transactions, modelVersionId));
});
