import { ModelsApi } from '@/lib/server/api/models';
import { saveThresholds } from '@/lib/server/monitoring/backtest';
import { handle } from '@/lib/server/platform/api-route';

/** Moves the version's cut-off and review/block band (0 ≤ review ≤ threshold ≤ block ≤ 1); audited. */
export const PUT = handle(ModelsApi.thresholds, async ({ params, body, principal }) => saveThresholds(params.id, body, principal));
