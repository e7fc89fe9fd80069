import { ScoreTransactionInput } from '@/lib/schemas/scoring';
import { requireScope } from '@/lib/server/auth';
import { json, readJson, route } from '@/lib/server/http';
import { scoreTransaction } from '@/lib/server/transactions';

export const POST = route(async (req) => {
  await requireScope(req, 'score:test');
  const { transaction, modelVersionId } = await readJson(req, ScoreTransactionInput, 20_000);
  return json(await scoreTransaction(transaction, modelVersionId));
});
