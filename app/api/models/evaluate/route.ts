import { ModelsApi } from '@/lib/server/api/models';
import { createEvaluationJob } from '@/lib/server/registry/evaluation';
import { handle } from '@/lib/server/platform/api-route';
import { jobView } from '@/lib/server/platform/jobs';

export const POST = handle(ModelsApi.evaluate, async ({ body, principal }) => jobView(await createEvaluationJob(body, principal)));
