'use client';
// Live view of one training job: polls every second while queued or running, then stops.
import Link from 'next/link';
import { formatDateTime, formatDuration, formatMetric } from '@/lib/format';
import { isActive, useCancelJob, useTrainingJob, type JobStatus, type TrainingJob } from '@/lib/client/training';
import { ProgressBar } from '@/components/ui/progress-bar';

export interface JobRequestSummary { dataset: string; algorithm: string; modelName: string; params: string }

const STATUS_TONE: Record<JobStatus, string> = { queued: '', running: 'running', succeeded: 'ok', failed: 'danger', cancelled: 'muted' };

export function JobView({ initial, request, canCancel }: { initial: TrainingJob; request: JobRequestSummary; canCancel: boolean }) {
  const { data: job = initial, error, dataUpdatedAt } = useTrainingJob(initial.id, initial);
  const cancel = useCancelJob(initial.id);
  const active = isActive(job.status);
  const elapsed = job.startedAt ? (job.finishedAt ? Date.parse(job.finishedAt) : Math.max(dataUpdatedAt, Date.parse(job.startedAt))) - Date.parse(job.startedAt) : null;
  const versionId = job.result?.modelVersionId;

  return (
    <div className="grid">
      <div className="card job-card">
        <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <div className="row" style={{ alignItems: 'center' }}>
            <span className={`badge ${STATUS_TONE[job.status]}`} data-testid="job-status">{job.status}</span>
            <span className="muted small">attempt {job.attempts} of {job.maxAttempts}</span>
          </div>
          {canCancel && active ? (
            <button className="btn danger" onClick={() => cancel.mutate()} disabled={cancel.isPending || job.cancelRequested} data-testid="job-cancel">
              {job.cancelRequested ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : null}
        </div>
        <div className="job-progress-row">
          <ProgressBar value={job.progress} label="Training progress" testId="job-progress" tone={job.status === 'failed' ? 'danger' : job.status === 'succeeded' ? 'ok' : job.status === 'cancelled' ? 'muted' : undefined} />
          <span className="job-pct mono">{Math.round(100 * job.progress)}%</span>
        </div>
        <div className="job-message" data-testid="job-message">
          {job.status === 'succeeded' ? `Finished in ${formatDuration(job.result?.durationMs ?? elapsed)}.` : (job.message ?? (job.status === 'queued' ? 'Waiting for a worker to pick this job up…' : ''))}
        </div>
        {job.status === 'failed' ? <div className="alert error" data-testid="job-error">{job.error ?? 'The job failed without a reason.'}</div> : null}
        {cancel.error ? <div className="alert error">{cancel.error.message}</div> : null}
        {error ? <div className="alert warn">Lost contact with the server ({error.message}); still retrying.</div> : null}
        {job.status === 'succeeded' && versionId ? (
          <div className="alert success job-done">
            <span>
              Registered {request.modelName} v{job.result?.version ?? '?'} as a candidate · ROC-AUC {formatMetric(job.result?.metrics?.rocAuc)} · PR-AUC {formatMetric(job.result?.metrics?.averagePrecision)}
            </span>
            <Link className="btn primary" href={`/models/versions/${versionId}`} data-testid="job-version-link">Open the new version →</Link>
          </div>
        ) : null}
        {job.status === 'queued' && job.attempts === 0 ? <p className="hint">If this stays queued, check that the worker is running (<code>npm start</code> runs it beside the web server).</p> : null}
      </div>
      <div className="card">
        <h2>Request</h2>
        <dl className="kv">
          <dt>Dataset</dt><dd>{request.dataset}</dd>
          <dt>Algorithm</dt><dd className="mono">{request.algorithm}</dd>
          <dt>Model name</dt><dd className="mono">{request.modelName}</dd>
          <dt>Parameters</dt><dd className="mono">{request.params || 'defaults'}</dd>
          <dt>Created</dt><dd>{formatDateTime(job.createdAt)}</dd>
          <dt>Started</dt><dd>{formatDateTime(job.startedAt)}</dd>
          <dt>Finished</dt><dd>{formatDateTime(job.finishedAt)}</dd>
          <dt>Running time</dt><dd suppressHydrationWarning>{formatDuration(job.status === 'succeeded' ? (job.result?.durationMs ?? elapsed) : elapsed)}</dd>
        </dl>
      </div>
    </div>
  );
}
