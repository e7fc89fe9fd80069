import { JobsApi } from '@/lib/server/api/jobs';
import { notFound } from '@/lib/server/platform/http';
import { getJob, jobView } from '@/lib/server/platform/jobs';
import { handle } from '@/lib/server/platform/api-route';

export const GET = handle(JobsApi.job, async ({ params }) => {
  const job = await getJob(params.id);
  if (!job) throw notFound('Job');
  return jobView(job);
});
