import { JobsApi } from '@/lib/server/api/jobs';
import { jobView } from '@/lib/server/jobs';
import { handle } from '@/lib/server/platform/api-route';
import { getTrainingJob } from '@/lib/server/training';

export const GET = handle(JobsApi.trainingJob, async ({ params }) => jobView(await getTrainingJob(params.id)));
