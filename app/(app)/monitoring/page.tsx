import { Forbidden } from '@/components/forbidden';
import { MonitoringTabs } from '@/components/monitoring/kind-tabs';
import { EstimateSection } from '@/components/monitoring/estimate-section';
import { PerformanceChart } from '@/components/monitoring/performance-chart';
import { MonitorSettingsForm } from '@/components/monitoring/settings-form';
import { gapCount, performanceRows } from '@/lib/charts/monitoring';
import { formatMetric, formatPercent } from '@/lib/format';
import { scopeFromParams, scopeKey, scopeName } from '@/lib/schemas/scope';
import { scopeOptions } from '@/lib/server/events/scope-options';
import { pageAccess } from '@/lib/server/access/pages';
import { getMonitorSettings } from '@/lib/server/monitoring/monitor-settings';
import { performanceSeries } from '@/lib/server/monitoring/performance';
import { can } from '@/lib/server/access/rbac';

export const metadata = { title: 'Performance' };

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { who, allowed } = await pageAccess('models:read');
  if (!allowed) return <Forbidden role={who.role} what="read model monitoring" />;
  const scope = scopeFromParams(await searchParams);
  const [s, options] = await Promise.all([
    performanceSeries('transaction', { days: 30, eventType: scope.eventType }),
    scopeOptions(),
  ]);
  const name = scopeName(scope);
  const rows = performanceRows(s.points);
  const gaps = gapCount(s.points);
  return (
    <>
      <h1 data-testid="page-title">Labelled performance</h1>
      <p className="lead">How the served decisions held up once analysts labelled them, per UTC day. A flag is a review or block decision.</p>
      <MonitoringTabs scope={scope} options={options} page="performance" />
      <div className="card section">
        <h2>Last 30 days · {name}</h2>
        <PerformanceChart rows={rows} precisionTarget={s.precisionTarget} recallTarget={s.recallTarget} />
        <p className="muted small" data-testid="performance-note">
          Days with fewer than {s.minLabels} labels show no point ({gaps} of {s.points.length} days).
          Recall and FPR weigh each label by how much of its side was labelled: a sample of allowed items stands for all of them.
          Targets: precision {s.precisionTarget ?? 'none'}, recall {s.recallTarget ?? 'none'} (dashed lines; engineers set them below).
        </p>
        <table data-testid="performance-table">
          <thead><tr><th>Day</th><th className="num">Scored</th><th className="num">Labels</th><th className="num">Precision</th><th className="num">Recall</th><th className="num">Est. precision</th><th className="num">Est. recall</th><th className="num">ROC-AUC</th><th className="num">Est. ROC-AUC</th><th className="num">FPR</th><th className="num">Review rate</th></tr></thead>
          <tbody>
            {s.points.filter((p) => p.scored > 0).reverse().map((p) => (
              <tr key={p.day}>
                <td className="mono">{p.day}</td><td className="num">{p.scored}</td><td className="num">{p.labels}</td>
                <td className="num mono">{formatMetric(p.precision)}</td><td className="num mono">{formatMetric(p.recall)}</td>
                <td className="num mono">{formatMetric(p.estimated?.precision)}</td><td className="num mono">{formatMetric(p.estimated?.recall)}</td>
                <td className="num mono">{formatMetric(p.rocAuc)}</td><td className="num mono">{formatMetric(p.estimated?.rocAuc)}</td><td className="num mono">{formatMetric(p.fpr)}</td>
                <td className="num mono">{formatPercent(p.reviewRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EstimateSection points={s.points} precisionTarget={s.precisionTarget} recallTarget={s.recallTarget} />
      {can(who.role, 'thresholds:write') ? <MonitorSettingsForm key={scopeKey(scope)} kind={scopeKey(scope)} initial={await getMonitorSettings(scopeKey(scope))} /> : null}
    </>
  );
}
