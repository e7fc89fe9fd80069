'use client';
// Backtest and threshold tuner: run the replay, drag or type a cut-off, read the metrics there, save it.
import { useMemo, useState } from 'react';
import { Stat } from '@/components/stat';
import { parseThreshold, sweepRows, thresholdsFor } from '@/lib/charts/monitoring';
import { formatCount, formatMetric, formatPercent } from '@/lib/format';
import { useBacktest, useSaveThresholds } from '@/lib/client/monitoring';
import { prepareSweep, sweepPoint } from '@/lib/ml/sweep';
import { SweepChart } from './sweep-chart';

export function BacktestTuner({ versionId, current, canWrite }: { versionId: string; current: number; canWrite: boolean }) {
  const run = useBacktest(versionId);
  const save = useSaveThresholds(versionId);
  const [text, setText] = useState(current.toFixed(4));
  const threshold = parseThreshold(text);
  const data = run.data;
  const prep = useMemo(() => (data ? prepareSweep(data.scores.map((s) => s[1]), data.scores.map((s) => s[0])) : null), [data]);
  const at = prep && data && data.n > 0 && threshold !== null ? sweepPoint(prep, threshold, { costFp: data.costs.fp, costFn: data.costs.fn }) : null;
  const band = threshold !== null ? thresholdsFor(threshold) : null;

  return (
    <>
      <div className="card section">
        <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <p className="muted small" style={{ margin: 0 }}>
            Replays the latest 20,000 labelled items of this kind through this version (velocity rebuilt from stored history).
          </p>
          <button className="btn primary" onClick={() => run.mutate()} disabled={run.isPending} data-testid="run-backtest">
            {run.isPending ? 'Replaying…' : data ? 'Run again' : 'Run backtest'}
          </button>
        </div>
        {run.error ? <div className="alert error" role="alert">{run.error.message}</div> : null}
        {data && data.n === 0 ? <div className="empty" data-testid="backtest-empty"><strong>No labelled history yet</strong>Label transactions in the review queue, then run the backtest again.</div> : null}
        {data && data.n > 0 ? (
          <>
            <p className="small" data-testid="backtest-summary">
              {formatCount(data.n)} labelled items ({formatCount(data.positives)} fraud) · ROC-AUC {formatMetric(data.metrics?.rocAuc)}
              {data.rocAucInterval ? ` (95% ${formatMetric(data.rocAucInterval[0])}–${formatMetric(data.rocAucInterval[1])})` : ''} · PR-AUC {formatMetric(data.metrics?.averagePrecision)} · costs: false alarm {data.costs.fp}, missed fraud {data.costs.fn}
            </p>
            {data.warning ? <div className="alert warn" role="status" data-testid="backtest-warning">{data.warning}</div> : null}
            <SweepChart rows={sweepRows(data.sweep)} threshold={threshold} />
          </>
        ) : null}
      </div>

      <div className="card section tuner">
        <h2>Threshold</h2>
        <div className="row tuner-controls">
          <input type="range" min={0.001} max={0.999} step={0.001} value={threshold ?? current} onChange={(e) => setText(e.target.value)} aria-label="Threshold slider" data-testid="threshold-slider" />
          <input type="number" min={0.0001} max={0.9999} step={0.0001} value={text} onChange={(e) => setText(e.target.value)} aria-label="Threshold" className="mono" data-testid="threshold-input" />
          {canWrite ? (
            <button className="btn primary" disabled={threshold === null || save.isPending} onClick={() => band && save.mutate(band)} data-testid="save-threshold">
              {save.isPending ? 'Saving…' : "Save as this version's threshold"}
            </button>
          ) : null}
        </div>
        {threshold === null ? <p className="field-error">Enter a number between 0 and 1 (exclusive).</p> : null}
        {band ? <p className="muted small" data-testid="band-preview">Review from {band.reviewThreshold.toFixed(4)}, block from {band.blockThreshold.toFixed(4)}.</p> : null}
        {save.isSuccess ? <div className="alert success" data-testid="threshold-saved">Saved: scoring uses the new threshold within a second.</div> : null}
        {save.error ? <div className="alert error" role="alert">{save.error.message}</div> : null}
        {at ? (
          <div className="grid cols-4 metric-cards" data-testid="threshold-readout">
            <Stat label="Precision" value={formatMetric(at.precision)} hint={`${at.tp} caught, ${at.fp} false alarms`} testId="readout-precision" />
            <Stat label="Recall" value={formatMetric(at.recall)} hint={`${at.fn} missed`} testId="readout-recall" />
            <Stat label="Review rate" value={formatPercent(at.reviewRate)} hint="sent to review or block" testId="readout-review-rate" />
            <Stat label="Expected cost" value={formatCount(at.cost)} hint={`FPR ${formatMetric(at.fpr)}`} testId="readout-cost" />
          </div>
        ) : <p className="muted small">Run the backtest to see precision, recall, review rate and cost at this threshold.</p>}
      </div>
    </>
  );
}
