import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Forbidden } from '@/components/forbidden';
import { CompareEvaluate } from '@/components/models/compare-evaluate';
import { ValidationRows } from '@/components/models/compare-validation';
import { ConfusionMatrix } from '@/components/models/confusion-matrix';
import { CurvesChart, type CurveLine } from '@/components/models/curves-chart';
import { PromoteButton } from '@/components/models/version-actions';
import { EmptyState } from '@/components/stat';
import { StageBadge } from '@/components/ui/stage-badge';
import { confusionCells } from '@/lib/charts/confusion';
import { closeRoc, mergeCurves, seriesColor } from '@/lib/charts/curves';
import { formatDateTime, formatDuration, formatMetric, formatParam } from '@/lib/format';
import type { Metrics } from '@/lib/ml/metrics';
import { CompareQuery } from '@/lib/schemas/models';
import { compareVersions } from '@/lib/server/registry/compare';
import { ApiError } from '@/lib/server/platform/http';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';

export const metadata = { title: 'Compare versions' };

async function load(ids: string[]) {
  try {
    return await compareVersions(ids);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ ids?: string | string[] }> }) {
  const { who, allowed } = await pageAccess('models:read');
  if (!allowed) return <Forbidden role={who.role} what="read the model registry" />;
  const raw = (await searchParams).ids;
  const query = CompareQuery.safeParse({ ids: Array.isArray(raw) ? raw.join(',') : (raw ?? '') });
  if (!query.success) {
    return (
      <>
        <h1 data-testid="page-title">Compare versions</h1>
        <EmptyState title="Pick 2 to 4 versions" testId="compare-empty">
          Tick the versions you want on the <Link href="/models">Models page</Link>, then press Compare.
        </EmptyState>
      </>
    );
  }
  const c = await load(query.data.ids);
  const canPromote = can(who.role, 'models:promote');
  const lines: CurveLine[] = c.versions.map((v, i) => ({ key: `v${i}`, label: v.label, color: seriesColor(i) }));
  const metrics = c.versions.map((v) => v.metrics as unknown as Metrics);
  const roc = mergeCurves(metrics.map((m, i) => ({ key: `v${i}`, points: closeRoc(m.roc ?? []) })));
  const pr = mergeCurves(metrics.map((m, i) => ({ key: `v${i}`, points: m.pr ?? [] })));
  const baseRate = metrics[0]?.n ? metrics[0].positives / metrics[0].n : null;
  const differing = c.params.filter((p) => p.differs).length;
  const cols = { gridTemplateColumns: `repeat(${c.versions.length}, minmax(0, 1fr))` };

  return (
    <>
      <div className="crumbs"><Link href="/models">Models</Link> / compare</div>
      <h1 data-testid="page-title">Compare versions</h1>
      <p className="lead">Each version&apos;s stored validation metrics side by side, with the rows they come from. The better value is starred only when every version was scored on the same rows; to measure them like-for-like, evaluate them on one common holdout below.</p>

      {c.sameEvaluationSet ? (
        <div className="alert success" data-testid="eval-notice">Same evaluation set: all versions were scored on identical validation rows, so the differences are directly comparable.</div>
      ) : (
        <div className="alert warn" data-testid="eval-notice">Different evaluation sets: these versions were validated on different rows (dataset, split or seed differ), so no winner is marked. Use “Evaluate on…” below to score them all on the same rows.</div>
      )}
      {!c.sameKind ? <div className="alert warn">These versions score different kinds of data; only one of them can serve each kind.</div> : null}

      <div className="compare-heads" style={cols}>
        {c.versions.map((v, i) => (
          <div key={v.id} className="card compare-head" style={{ borderTopColor: seriesColor(i) }} data-testid={`compare-version-${i}`}>
            <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
              <Link href={`/models/versions/${v.id}`}><strong>{v.label}</strong></Link>
              <StageBadge stage={v.stage} />
            </div>
            <div className="muted small"><span className="mono">{v.algorithm}</span> · {v.kind} · trained in {formatDuration(v.trainingMs)} · {formatDateTime(v.createdAt)}</div>
            <div className="muted small">threshold {v.threshold.toFixed(3)}</div>
            <ValidationRows validation={v.validation} testId={`compare-validation-${i}`} />
            {canPromote && v.stage !== 'production' ? <div style={{ marginTop: 10 }}><PromoteButton versionId={v.id} label={v.label} small testId={`compare-promote-${i}`} /></div> : null}
          </div>
        ))}
      </div>

      <div className="card section">
        <h2>Stored validation metrics</h2>
        <table className="compare-table" data-testid="compare-metrics">
          <thead><tr><th>Metric</th>{c.versions.map((v, i) => <th key={v.id} className="num"><span className="swatch" style={{ background: seriesColor(i) }} />{v.label}</th>)}</tr></thead>
          <tbody>
            {c.metrics.map((row) => (
              <tr key={row.key}>
                <td>{row.label} <span className="muted small">{row.higherIsBetter ? '↑' : '↓'}</span></td>
                {row.values.map((x, i) => (
                  <td key={i} className={`num mono${row.best[i] ? ' best' : ''}`} data-testid={row.best[i] ? `best-${row.key}` : undefined}>
                    {formatMetric(x, 4)}{row.best[i] ? <span className="best-mark" title="best">★</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="grid cols-2 section">
        <div className="card"><h2>ROC curves</h2><CurvesChart kind="roc" rows={roc} lines={lines} height={320} testId="compare-roc" /></div>
        <div className="card"><h2>Precision–recall curves</h2><CurvesChart kind="pr" rows={pr} lines={lines} baseline={c.sameEvaluationSet ? baseRate : null} height={320} testId="compare-pr" /></div>
      </div>

      <div className="card section" data-testid="evaluate-section">
        <h2>Evaluate on…</h2>
        <p className="muted small">Scores every version on the same holdout rows, with the featurisation each one needs, and gives 95% bootstrap intervals.</p>
        {can(who.role, 'models:train')
          ? <CompareEvaluate versionIds={c.versions.map((v) => v.id)} choices={c.holdouts} />
          : <p className="muted" data-testid="evaluate-forbidden">Evaluating needs the engineer or admin role.</p>}
      </div>

      <div className="card section">
        <h2>Confusion matrices at each version&apos;s threshold</h2>
        <div className="compare-heads" style={cols}>
          {c.versions.map((v, i) => (
            <div key={v.id}>
              <div className="small"><span className="swatch" style={{ background: seriesColor(i) }} />{v.label}</div>
              <ConfusionMatrix cells={confusionCells(metrics[i]?.confusion)} threshold={v.threshold} testId={`compare-cm-${i}`} />
            </div>
          ))}
        </div>
      </div>

      <div className="card section">
        <h2>Parameters <span className="muted small">· {differing ? `${differing} differ` : 'all identical'}</span></h2>
        <table className="compare-table" data-testid="params-diff">
          <thead><tr><th>Parameter</th>{c.versions.map((v) => <th key={v.id} className="num">{v.label}</th>)}</tr></thead>
          <tbody>
            {c.params.map((p) => (
              <tr key={p.name} className={p.differs ? 'differs' : undefined} data-differs={p.differs || undefined}>
                <td className="mono">{p.name}</td>
                {p.values.map((x, i) => <td key={i} className="num mono">{formatParam(x)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
