// A job that fails for good raises an alert, so nobody has to watch the jobs table.
import { raiseAlerts } from './alerts';
import type { Job } from '../platform/jobs';

const WATCHED: Record<string, string> = { train: 'Training', 'drift.snapshot': 'Drift snapshot', 'retrain.check': 'Retrain check' };

export async function alertOnJobFailure(job: Job, reason: string) {
  const what = WATCHED[job.type];
  if (!what) return;
  const name = (job.payload as { request?: { modelName?: string } })?.request?.modelName;
  await raiseAlerts([{ type: 'job_failed', severity: 'warning', title: `${what} job failed${name ? ` (${name})` : ''}: ${reason.slice(0, 200)}`, payload: { jobId: job.id, type: job.type, reason } }]);
}
