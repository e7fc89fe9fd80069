import { CompatApi } from '@/lib/server/api/compat';
import { emailTaskResult } from '@/lib/server/compat/scoring';
import { handle } from '@/lib/server/platform/api-route';

/** Seed 000: GET /prediction/tasks/{id} → { proba, email }. */
export const GET = handle(CompatApi.predictionTask, async ({ params }) => emailTaskResult(params.id));
