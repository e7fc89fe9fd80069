import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Forbidden } from '@/components/forbidden';
import { JobView, type JobRequestSummary } from '@/components/training/job-view';
import type { JobStatus, TrainingJob } from '@/lib/client/training';
import { listDatasets } from '@/lib/server/datasets';
import { ApiError } from '@/lib/server/platform/http';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';
import { getTrainingJob } from '@/lib/server/registry/training';

export const metadata = { title: 'Training job' };

async function load(id: string) {
  try {
    return await getTrainingJob(id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

type Job = Awaited<ReturnType<typeof getTrainingJob>>;

function serialise(job: Job): TrainingJob {
  return {
    id: job.id, type: job.type, status: job.status as JobStatus, progress: job.progress, message: job.message,
    attempts: job.attempts, maxAttempts: job.maxAttempts, cancelRequested: job.cancelRequested,
    result: (job.result ?? null) as TrainingJob['result'], error: job.error,
    createdAt: job.createdAt.toISOString(), startedAt: job.startedAt?.toISOString() ?? null, finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

async function summarise(job: Job): Promise<JobRequestSummary> {
  const request = ((job.payload as { request?: Record<string, unknown> })?.request ?? {}) as { datasetVersionId?: string; algorithm?: string; modelName?: string; kind?: string; params?: Record<string, unknown> };
  // The payload holds only the version id; the datasets service gives it a readable name.
  const dv = (await listDatasets()).flatMap((d) => d.versions.map((v) => ({ name: d.name, ...v }))).find((v) => v.id === request.datasetVersionId);
  const algorithm = request.algorithm ?? 'gbdt';
  return {
    dataset: dv ? `${dv.name} v${dv.version}` : (request.datasetVersionId ?? '–'),
    algorithm,
    modelName: request.modelName ?? `${request.kind ?? 'model'}-${algorithm}`,
    params: Object.entries(request.params ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(' · '),
  };
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { who, allowed } = await pageAccess('jobs:read');
  if (!allowed) return <Forbidden role={who.role} what="see jobs" />;
  const job = await load((await params).id);
  return (
    <>
      <div className="crumbs"><Link href="/train">Train</Link> / job</div>
      <h1 data-testid="page-title">Training job</h1>
      <p className="lead mono small">{job.id}</p>
      <JobView initial={serialise(job)} request={await summarise(job)} canCancel={can(who.role, 'jobs:write')} />
    </>
  );
}
