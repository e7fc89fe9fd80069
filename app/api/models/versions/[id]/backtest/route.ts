import { ModelsApi } from '@/lib/server/api/models';
import { backtest } from '@/lib/server/monitoring/backtest';
import { handle } from '@/lib/server/platform/api-route';

/** Replays stored, labelled traffic through the version; an empty body means the latest 20,000 labels. */
export const POST = handle(ModelsApi.backtest, async ({ params, body }) => backtest(params.id, body));
