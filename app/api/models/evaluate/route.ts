import { ModelsApi } from '@/lib/server/api/models';
import { createEvaluationJob } from '@/lib/server/registry/evaluation';
import { handle } from '@/lib/server/platform/api-route';

export const POST = handle(ModelsApi.evaluate, async ({ body, principal }) => createEvaluationJob(body, principal));
