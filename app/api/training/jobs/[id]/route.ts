import { JobsApi } from '@/lib/server/api/jobs';
import { jobView } from '@/lib/server/platform/jobs';
import { handle } from '@/lib/server/platform/api-route';
import { getTrainingJob } from '@/lib/server/registry/training';

export const GET = handle(JobsApi.trainingJob, async ({ params }) => jobView(await getTrainingJob(params.id)));
