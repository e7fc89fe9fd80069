'use client';
// "Evaluate on…": pick one holdout (a dataset version of the versions' kind, or a period of labelled traffic),
// start the job, watch its progress, then read the like-for-like result.
import { useState } from 'react';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useEvaluation } from '@/lib/client/evaluation';
import type { HoldoutChoices } from '@/lib/schemas/evaluation';
import { EvaluationResultView } from './compare-evaluation-result';
import { formatCount, formatDate } from '@/lib/format';

const DAY = 86_400_000;

export function CompareEvaluate({ versionIds, choices }: { versionIds: string[]; choices: HoldoutChoices | null }) {
  const evaluation = useEvaluation();
  const [source, setSource] = useState<'dataset' | 'period'>(choices?.datasetVersions.length || !choices?.periods ? 'dataset' : 'period');
  const [datasetVersionId, setDatasetVersionId] = useState(choices?.datasetVersions[0]?.id ?? '');
  const [today] = useState(() => Date.now());
  const [from, setFrom] = useState(formatDate(today - 30 * DAY));
  const [to, setTo] = useState(formatDate(today));

  if (!choices) {
    return <p className="muted" data-testid="evaluate-unavailable">These versions score different kinds of data, so no holdout fits them all. Compare versions of one kind to evaluate them on common rows.</p>;
  }
  const target = choices.eventType ? `${choices.eventType} events` : `${choices.kind} data`;
  const start = () => {
    // Whole UTC days; "to" is inclusive, so the period ends at the start of the next day.
    const holdout = source === 'dataset'
      ? { datasetVersionId }
      : { ...(choices.eventType ? { eventType: choices.eventType } : { kind: choices.kind as 'email' | 'transaction' }), from: `${from}T00:00:00Z`, to: `${formatDate(Date.parse(`${to}T00:00:00Z`) + DAY)}T00:00:00Z` };
    evaluation.run({ versionIds, holdout });
  };
  const job = evaluation.job;
  const canStart = !evaluation.busy && (source === 'dataset' ? !!datasetVersionId : !!from && !!to);

  return (
    <div data-testid="evaluate-panel">
      <div className="row" style={{ alignItems: 'flex-end', flexWrap: 'wrap', gap: 12 }}>
        <div className="field">
          <label htmlFor="evaluate-source">Holdout ({target})</label>
          <select id="evaluate-source" value={source} onChange={(e) => setSource(e.target.value as 'dataset' | 'period')} data-testid="evaluate-source">
            <option value="dataset">A dataset version</option>
            {choices.periods ? <option value="period">Labelled traffic of a period</option> : null}
          </select>
        </div>
        {source === 'dataset' ? (
          <div className="field" style={{ flex: 1 }}>
            <label htmlFor="evaluate-dataset">Dataset version (all its labelled rows)</label>
            {choices.datasetVersions.length ? (
              <select id="evaluate-dataset" value={datasetVersionId} onChange={(e) => setDatasetVersionId(e.target.value)} data-testid="evaluate-dataset">
                {choices.datasetVersions.map((d) => (
                  <option key={d.id} value={d.id}>{d.label} · {formatCount(d.rowCount)} rows · {formatCount(d.positives)} positives</option>
                ))}
              </select>
            ) : <span className="muted small">No dataset version of {target} yet: import one, or evaluate on a period.</span>}
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="evaluate-from">From (UTC day)</label>
              <input id="evaluate-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="evaluate-from" />
            </div>
            <div className="field">
              <label htmlFor="evaluate-to">To (UTC day, inclusive)</label>
              <input id="evaluate-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="evaluate-to" />
            </div>
          </>
        )}
        <button className="btn primary" disabled={!canStart} onClick={start} data-testid="evaluate-start">
          {evaluation.busy ? 'Evaluating…' : 'Evaluate'}
        </button>
      </div>
      {evaluation.error ? <div className="alert error" data-testid="evaluate-error">{evaluation.error}</div> : null}
      {job && job.status !== 'succeeded' && job.status !== 'failed' ? (
        <div className="job-progress-row" data-testid="evaluate-progress">
          <ProgressBar value={job.progress} label="Evaluation progress" />
          <span className="job-pct mono">{Math.round(100 * job.progress)}%</span>
          <span className="muted small">{job.message ?? (job.status === 'queued' ? 'Waiting for a worker…' : '')}</span>
        </div>
      ) : null}
      {job?.status === 'succeeded' && job.result ? <EvaluationResultView result={job.result} /> : null}
    </div>
  );
}
