import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Forbidden } from '@/components/forbidden';
import { AuditHistory, type AuditRow } from '@/components/models/audit-history';
import { ConfusionMatrix } from '@/components/models/confusion-matrix';
import { CurvesChart } from '@/components/models/curves-chart';
import { ImportanceChart } from '@/components/models/importance-chart';
import { VersionActions } from '@/components/models/version-actions';
import { VersionBaseRate } from '@/components/models/version-base-rate';
import { VersionReliabilityChart } from '@/components/models/version-reliability';
import { Stat } from '@/components/stat';
import { StageBadge } from '@/components/ui/stage-badge';
import { calibrationRows, expectedCalibrationError } from '@/lib/charts/calibration';
import { confusionCells } from '@/lib/charts/confusion';
import { closeRoc, mergeCurves, pointAtThreshold, seriesColor } from '@/lib/charts/curves';
import { formatCount, formatDateTime, formatDuration, formatMetric, formatParam } from '@/lib/format';
import { topImportances, type Importance } from '@/lib/charts/importances';
import type { Metrics } from '@/lib/ml/metrics';
import type { Kind, ModelStage } from '@/lib/schemas/models';
import { versionCalibration } from '@/lib/server/registry/band-impact';
import { settingsKeyOfSlot } from '@/lib/server/decisions/expected-rate';
import { ApiError } from '@/lib/server/platform/http';
import { getVersion, versionHistory } from '@/lib/server/registry/models';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';

export const metadata = { title: 'Model version' };

async function load(id: string) {
  try {
    return await Promise.all([getVersion(id), versionHistory(id), versionCalibration(id)]);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

export default async function VersionPage({ params }: { params: Promise<{ id: string }> }) {
  const { who, allowed } = await pageAccess('models:read');
  if (!allowed) return <Forbidden role={who.role} what="read the model registry" />;
  const [v, history, cal] = await load((await params).id);
  const label = `${v.model.name} v${v.version}`;
  const m = v.metrics as unknown as Metrics;
  const color = seriesColor(0);
  const rocPoint = pointAtThreshold(m.roc ?? [], v.threshold);
  const prPoint = pointAtThreshold(m.pr ?? [], v.threshold);
  const reliabilityBefore = calibrationRows(cal.reliabilityBefore);
  const calibration = calibrationRows(cal.reliabilityAfter.length ? cal.reliabilityAfter : m.calibration);
  const ece = expectedCalibrationError(calibration), eceBefore = expectedCalibrationError(reliabilityBefore);
  const importances = topImportances(v.importances as unknown as Importance[] | null, 20);
  const paramRows = Object.entries((v.params as Record<string, unknown>) ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const log = Array.isArray(v.trainingLog) ? (v.trainingLog as string[]) : [];
  const audit: AuditRow[] = history.map((h) => ({ id: h.id, action: h.action, actor: h.actorLabel, at: h.at.toISOString(), before: h.before, after: h.after }));

  return (
    <>
      <div className="crumbs"><Link href="/models">Models</Link> / {v.model.name}</div>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">{label} <StageBadge stage={v.stage} testId="version-stage" /></h1>
          <p className="lead">
            <span className="mono">{v.algorithm}</span> · {v.kind} · trained by {v.trainedByLabel ?? 'system'} on {formatDateTime(v.createdAt)} in {formatDuration(v.trainingMs)}
            {v.note ? <> · note: “{v.note}”</> : null}
          </p>
        </div>
        {can(who.role, 'models:promote') ? <VersionActions versionId={v.id} label={label} kind={v.kind as Kind} stage={v.stage as ModelStage} /> : null}
      </div>

      <div className="grid cols-4 metric-cards" data-testid="metric-cards">
        <Stat label="ROC-AUC" value={formatMetric(m.rocAuc)} hint="ranking quality, 0.5 = chance" testId="metric-roc-auc" />
        <Stat label="PR-AUC" value={formatMetric(m.averagePrecision)} hint={`base rate ${formatMetric(m.n ? m.positives / m.n : null)}`} testId="metric-pr-auc" />
        <Stat label="Log loss" value={formatMetric(m.logLoss)} hint={`Brier ${formatMetric(m.brier)}`} />
        <Stat label="F1 @ threshold" value={formatMetric(m.confusion?.f1)} hint={`precision ${formatMetric(m.confusion?.precision)} · recall ${formatMetric(m.confusion?.recall)}`} />
      </div>
      <p className="muted small">Measured on the validation split: {formatCount(m.n)} rows, {formatCount(m.positives)} fraud.</p>

      <div className="grid two-by-two section">
        <div className="card">
          <h2>ROC curve</h2>
          <CurvesChart kind="roc" rows={mergeCurves([{ key: 'v', points: closeRoc(m.roc ?? []) }])} lines={[{ key: 'v', label, color }]} operatingPoints={rocPoint ? [{ ...rocPoint, color, label: 'threshold' }] : []} testId="roc-chart" />
          <p className="muted small">The dot marks the operating threshold ({v.threshold.toFixed(3)}).</p>
        </div>
        <div className="card">
          <h2>Precision–recall curve</h2>
          <CurvesChart kind="pr" rows={mergeCurves([{ key: 'v', points: m.pr ?? [] }])} lines={[{ key: 'v', label, color }]} operatingPoints={prPoint ? [{ ...prPoint, color, label: 'threshold' }] : []} baseline={m.n ? m.positives / m.n : null} testId="pr-chart" />
          <p className="muted small">The dashed line is the fraud base rate: what a random model would reach.</p>
        </div>
        <div className="card">
          <h2>Confusion matrix</h2>
          <ConfusionMatrix cells={confusionCells(m.confusion)} threshold={v.threshold} />
        </div>
        <div className="card">
          <h2>Calibration {ece !== null ? <span className="muted small">· ECE {eceBefore !== null && cal.reliabilityAfter.length ? `${eceBefore.toFixed(3)} → ` : ''}{ece.toFixed(3)}</span> : null}</h2>
          {calibration.length || reliabilityBefore.length
            ? <VersionReliabilityChart before={reliabilityBefore} after={cal.reliabilityAfter.length ? calibration : []} />
            : <div className="empty">No calibration bins were stored with this version.</div>}
          <p className="muted small">On the validation split. {cal.reliabilityAfter.length ? `Calibrated with ${cal.method} on held-out training rows, so these rows stay unseen.` : 'This version predates calibration: its scores are used as they are.'}</p>
        </div>
      </div>

      <div className="card section">
        <h2>Base rate and bands in production</h2>
        <VersionBaseRate view={cal} settingsKey={settingsKeyOfSlot(v.servingSlot)} canWrite={can(who.role, 'thresholds:write')} />
      </div>

      <div className="card section">
        <h2>Feature importance <span className="muted small">· top {importances.length} by split gain</span></h2>
        <ImportanceChart rows={importances} />
      </div>

      <div className="grid cols-2 section">
        <div className="card">
          <h2>Parameters</h2>
          <table data-testid="params-table"><tbody>
            {paramRows.map(([k, val]) => <tr key={k}><td className="mono">{k}</td><td className="mono num">{formatParam(val)}</td></tr>)}
          </tbody></table>
        </div>
        <div className="card">
          <h2>Thresholds</h2>
          <div className="bands" data-testid="bands">
            <div className="band allow"><strong>Allow</strong><span>score &lt; {v.reviewThreshold.toFixed(3)}</span></div>
            <div className="band review"><strong>Review</strong><span>{v.reviewThreshold.toFixed(3)} – {v.blockThreshold.toFixed(3)}</span></div>
            <div className="band block"><strong>Block</strong><span>score ≥ {v.blockThreshold.toFixed(3)}</span></div>
          </div>
          <p className="muted small">Cost-optimal threshold {v.threshold.toFixed(3)}; the review band surrounds it. Scores here are probabilities corrected to the expected production fraud rate.</p>
          <p className="small"><Link href={`/models/versions/${v.id}/backtest`} data-testid="backtest-link">Backtest and tune the threshold →</Link></p>
          <h2 style={{ marginTop: 18 }}>Training data</h2>
          {v.datasetVersion ? (
            <p><Link href="/datasets" data-testid="dataset-link">{v.datasetVersion.dataset.name} v{v.datasetVersion.version}</Link></p>
          ) : <p className="muted">The dataset version is no longer stored.</p>}
          {v.jobId ? <p className="small"><Link href={`/jobs/${v.jobId}`}>Training job</Link></p> : null}
        </div>
      </div>

      <div className="grid cols-2 section">
        <div className="card">
          <h2>Training log</h2>
          {log.length ? <pre className="log" data-testid="training-log">{log.join('\n')}</pre> : <div className="empty">No log lines were kept for this version.</div>}
        </div>
        <div className="card">
          <h2>History</h2>
          <AuditHistory rows={audit} />
        </div>
      </div>
    </>
  );
}
