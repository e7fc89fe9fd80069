'use client';
// The drift page of one event type (picked above, in the URL): pick a window; score PSI, per-feature heatmap,
// a feature's histogram, volume.
import { useMemo, useState } from 'react';
import { EmptyState } from '@/components/stat';
import { StageBadge } from '@/components/ui/stage-badge';
import {
  featureHistogram, latestSnapshot, psiHeatmap, rankedFeatures, scorePsiSeries, volumeSeries, windowLabel,
} from '@/lib/charts/drift';
import { formatCount, formatMetric, formatPercent } from '@/lib/format';
import { useComputeDrift, useDrift } from '@/lib/client/drift';
import type { DriftResponse, DriftWindow } from '@/lib/schemas/drift';
import type { Kind } from '@/lib/schemas/models';
import { FeatureHistogramChart } from './feature-histogram-chart';
import { PsiHeatmap } from './psi-heatmap';
import { ScorePsiChart } from './score-psi-chart';
import { VolumeChart } from './volume-chart';
import { WindowStates } from './window-states';

const WINDOWS: DriftWindow[] = ['hour', 'day', 'week'];
const TONE: Record<string, string> = { ok: 'ok', warn: 'warn', alert: 'danger', insufficient: 'muted' };

export function DriftDashboard({ initial, canCompute }: { initial: DriftResponse; canCompute: boolean }) {
  // The event type comes from the page's type picker (the URL); only ?kind=tabular links arrive without one.
  const eventType = initial.eventType;
  const kind = initial.kind as Kind;
  const [window, setWindow] = useState<DriftWindow>(initial.window);
  const [versionId, setVersionId] = useState<string | null>(null);
  const [feature, setFeature] = useState<string | null>(null);
  const drift = useDrift(kind, window, initial, eventType);
  const compute = useComputeDrift(window);
  const data = drift.data;
  const version = data?.versions.find((v) => v.id === versionId) ?? data?.versions[0] ?? null;
  const snaps = useMemo(() => (version && data ? data.snapshots[version.id] ?? [] : []), [version, data]);
  // The newest window with enough traffic: a fresh, still-empty hour must not hide an ongoing alert.
  const latest = latestSnapshot(snaps);
  const forHistogram = latest;
  const ranked = rankedFeatures(forHistogram);
  const shown = ranked.find((f) => f.name === feature) ?? null;
  const psiPoints = scorePsiSeries(snaps, window);
  const states = version && data ? data.windows?.[version.id] ?? [] : [];
  const scoredNow = states.reduce((n, s) => n + s.events, 0);
  const noun = 'events';
  const notes = Object.fromEntries((latest?.features ?? []).filter((f) => f.alerting === false).map((f) => [f.name, f.note ?? 'not counted']));

  return (
    <>
      <div className="card drift-controls">
        <div className="row">
          <div className="field">
            <label htmlFor="drift-window">Window</label>
            <select id="drift-window" data-testid="drift-window" value={window} onChange={(e) => setWindow(e.target.value as DriftWindow)}>
              {WINDOWS.map((w) => <option key={w} value={w}>{w}</option>)}
            </select>
          </div>
          {data && data.versions.length > 1 ? (
            <div className="field">
              <label htmlFor="drift-version">Version</label>
              <select id="drift-version" value={version?.id ?? ''} onChange={(e) => { setVersionId(e.target.value); setFeature(null); }}>
                {data.versions.map((v) => <option key={v.id} value={v.id}>{v.modelName} v{v.version} ({v.stage})</option>)}
              </select>
            </div>
          ) : null}
          <div className="drift-status-box">
            <span className="muted">Latest window</span>
            <span className={`badge ${TONE[latest?.status ?? 'insufficient']}`} data-testid="drift-status" aria-busy={drift.isPending || undefined}>{latest?.status ?? 'insufficient'}</span>
          </div>
          {canCompute ? (
            <div className="field">
              <button type="button" className="btn primary" data-testid="compute-drift" disabled={compute.busy} onClick={compute.run}>
                {compute.busy ? 'Computing…' : 'Compute now'}
              </button>
            </div>
          ) : null}
        </div>
        {compute.error ? <p className="field-error" role="alert">{compute.error}</p> : null}
        {data?.windowChoice?.scored && !data.windowChoice.requested ? (
          <p className="muted" data-testid="drift-window-choice">
            Window picked from the traffic: {formatCount(data.windowChoice.scored.hour)} scored in the last hour, {formatCount(data.windowChoice.scored.day)} in the last day, {formatCount(data.windowChoice.scored.week)} in the last week; the shortest window holding {formatCount(data.windowChoice.target)} is the default.
          </p>
        ) : null}
        {version ? <WindowStates states={states} window={window} noun={noun} compute={canCompute ? compute : null} /> : null}
        {version ? (
          <p className="muted drift-version-line">
            {version.modelName} v{version.version} <StageBadge stage={version.stage} />
            {latest && latest.status !== 'insufficient' ? <> · {windowLabel(latest.windowStart, window)}: {formatCount(latest.count)} transactions, score PSI {formatMetric(latest.scorePsi)}, {formatPercent(latest.driftedShare, 0)} of features drifted</> : null}
            {latest?.status === 'insufficient' ? <> · under 50 transactions per {window} so far: too few to judge drift</> : null}
          </p>
        ) : null}
      </div>

      {drift.isError ? <p className="field-error" role="alert">Could not load drift: {drift.error.message}</p> : null}
      {drift.isPending ? <p className="muted" data-testid="drift-loading">Loading drift…</p> : !version ? (
        <EmptyState title={`No serving model for ${eventType ?? kind}`} testId="drift-empty-model">
          Drift is measured for production and shadow versions. Train a model and promote it on the Models page; its training baseline is what traffic is compared with.
        </EmptyState>
      ) : !snaps.some((s) => s.count > 0) && scoredNow > 0 ? (
        <EmptyState title={`Not computed yet: ${formatCount(scoredNow)} ${noun} scored in the recent ${window}s`} testId="drift-not-computed">
          Drift is measured by the worker every hour{canCompute ? '; or compute it now' : ''}.
          {canCompute ? (
            <> <button type="button" className="btn primary" data-testid="compute-drift-empty" disabled={compute.busy} onClick={compute.run}>{compute.busy ? 'Computing…' : 'Compute now'}</button></>
          ) : null}
        </EmptyState>
      ) : !snaps.some((s) => s.count > 0) ? (
        <EmptyState title={snaps.length ? `No traffic in the recent ${window}s` : 'No drift snapshots yet'} testId="drift-empty-traffic">
          Drift shows once traffic is scored by {version.modelName} v{version.version}{eventType ? ` (ingest through POST /api/events/${eventType})` : ''}. The worker re-measures every hour{canCompute ? '; or press Compute now' : ''}.
        </EmptyState>
      ) : (
        <div className="grid drift-grid">
          <section className="card">
            <h2>Score PSI over time</h2>
            <p className="muted">Each dot is a {window}; dashed lines mark warn (0.1) and alert (0.25). Grey windows had under 50 transactions.</p>
            <ScorePsiChart points={psiPoints} />
          </section>
          <section className="card">
            <h2>Volume and flag rate</h2>
            <VolumeChart points={volumeSeries(snaps, window)} />
          </section>
          <section className="card drift-wide">
            <h2>Feature PSI</h2>
            <p className="muted">Green below 0.1, amber to 0.25, red above. Click a feature for its histogram in the latest window. Features marked &ldquo;not counted&rdquo; are shown but do not make a window warn or alert: calendar features (compared with the matching period of the baseline) and online history features (computed differently in training and serving).</p>
            {ranked.length ? <PsiHeatmap heatmap={psiHeatmap(snaps, window)} selected={shown?.name ?? null} onSelect={setFeature} notes={notes} /> : <p className="muted">No window has enough traffic yet (50 transactions).</p>}
          </section>
          {shown && forHistogram ? (
            <section className="card drift-wide" data-testid="feature-detail">
              <h2>{shown.name}: baseline versus {windowLabel(forHistogram.windowStart, window)}</h2>
              <p className="muted">
                PSI {formatMetric(shown.psi)}{shown.noise ? ` (${formatMetric(shown.noise)} expected by chance at this count)` : ''} · KS {formatMetric(shown.ks)}{shown.js !== undefined ? ` · Jensen–Shannon ${formatMetric(shown.js)}` : ''} · {shown.type} · {formatCount(shown.count)} values
              </p>
              {shown.note ? <p className="muted" data-testid="feature-note">{shown.alerting === false ? 'Not counted: ' : ''}{shown.note}</p> : null}
              <FeatureHistogramChart bars={featureHistogram(shown)} name={shown.name} />
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}
