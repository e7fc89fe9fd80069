import { IdParam } from '@/lib/schemas/common';
import { ThresholdsInput } from '@/lib/schemas/monitoring';
import { requireScope } from '@/lib/server/auth';
import { saveThresholds } from '@/lib/server/backtest';
import { json, parseWith, readJson, route } from '@/lib/server/http';

/** Moves the version's cut-off and review/block band (0 ≤ review ≤ threshold ≤ block ≤ 1); audited. */
export const PUT = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const who = await requireScope(req, 'thresholds:write');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  const input = await readJson(req, ThresholdsInput, 10_000);
  return json(await saveThresholds(id, input, who));
});
