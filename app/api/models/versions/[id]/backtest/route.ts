import { IdParam } from '@/lib/schemas/common';
import { BacktestInput } from '@/lib/schemas/monitoring';
import { requireScope } from '@/lib/server/auth';
import { backtest } from '@/lib/server/backtest';
import { json, parseWith, readJson, route } from '@/lib/server/http';

/** Replays stored, labelled traffic through the version; an empty body means the latest 20,000 labels. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  await requireScope(req, 'models:read');
  const { id } = parseWith(IdParam, await ctx.params, 'Path');
  const input = req.body !== null ? await readJson(req, BacktestInput, 10_000) : BacktestInput.parse({});
  return json(await backtest(id, input));
});
