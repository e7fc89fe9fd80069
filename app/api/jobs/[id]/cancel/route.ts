import { JobsApi } from '@/lib/server/api/jobs';
import { cancelJob, jobView } from '@/lib/server/platform/jobs';
import { handle } from '@/lib/server/platform/api-route';

export const POST = handle(JobsApi.cancel, async ({ params }) => jobView(await cancelJob(params.id)));
