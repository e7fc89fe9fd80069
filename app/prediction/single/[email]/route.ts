import { CompatApi } from '@/lib/server/api/compat';
import { predictEmailTask } from '@/lib/server/compat/scoring';
import { handle } from '@/lib/server/platform/api-route';

/** Seed 000: POST /prediction/single/{email} → { task_id }. */
export const POST = handle(CompatApi.predictEmail, async ({ params }) => predictEmailTask(params.email));
