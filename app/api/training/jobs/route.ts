import { JobsApi } from '@/lib/server/api/jobs';
import { jobView } from '@/lib/server/platform/jobs';
import { handle } from '@/lib/server/platform/api-route';
import { createTrainingJob } from '@/lib/server/registry/training';

export const POST = handle(JobsApi.train, async ({ body, principal }) => jobView(await createTrainingJob(body, principal)));
