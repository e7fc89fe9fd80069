import Link from 'next/link';
import { Forbidden } from '@/components/forbidden';
import { MonitoringTabs } from '@/components/monitoring/kind-tabs';
import { PromoteButton } from '@/components/models/version-actions';
import { EmptyState } from '@/components/stat';
import { better } from '@/lib/charts/monitoring';
import { formatCount, formatMetric, formatPercent } from '@/lib/format';
import { scopeFromParams, scopeName } from '@/lib/schemas/scope';
import { scopeOptions } from '@/lib/server/events/scope-options';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';
import { championChallenger, type SideStats } from '@/lib/server/monitoring/shadow';

export const metadata = { title: 'Champion vs challenger' };

const ROWS: { key: keyof SideStats; label: string; higher: boolean; fmt: (x: number | null) => string }[] = [
  { key: 'precision', label: 'Precision', higher: true, fmt: (x) => formatMetric(x) },
  { key: 'recall', label: 'Recall', higher: true, fmt: (x) => formatMetric(x) },
  { key: 'flagRate', label: 'Flag rate (review or block)', higher: false, fmt: (x) => formatPercent(x) },
  { key: 'costPerItem', label: 'Expected cost per labelled item', higher: false, fmt: (x) => formatMetric(x) },
  { key: 'flagCut', label: 'Flag cut (review threshold)', higher: false, fmt: (x) => formatMetric(x) },
];

export default async function ShadowPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { who, allowed } = await pageAccess('models:read');
  if (!allowed) return <Forbidden role={who.role} what="read the model registry" />;
  const scope = scopeFromParams(await searchParams);
  const [c, options] = await Promise.all([
    championChallenger('transaction', { eventType: scope.eventType }),
    scopeOptions(),
  ]);
  const kind = scopeName(scope);
  return (
    <>
      <h1 data-testid="page-title">Champion vs challenger</h1>
      <p className="lead">The production and shadow {kind} versions on the same live traffic, each at its own review threshold.</p>
      <MonitoringTabs scope={scope} options={options} page="shadow" />
      {!c.challenger || !c.sides ? (
        <EmptyState title={c.challenger ? 'No production version to compare with' : 'No challenger in shadow'} testId="shadow-empty">
          Move a candidate to shadow from its version page (<Link href="/models">Models</Link>); it then scores every ingested {kind} beside production without deciding anything.
        </EmptyState>
      ) : (
        <div className="card section">
          <p className="small" data-testid="shadow-counts">
            {formatCount(c.compared)} items scored by both · {formatCount(c.labelled)} labelled ({formatCount(c.positives)} fraud) ·
            agreement <strong data-testid="shadow-agreement">{formatPercent(c.agreement)}</strong>
          </p>
          <table className="compare-table" data-testid="shadow-table">
            <thead><tr><th>Metric</th><th className="num">Champion · <Link href={`/models/versions/${c.sides.champion.id}`}>{c.sides.champion.label}</Link></th><th className="num">Challenger · <Link href={`/models/versions/${c.sides.challenger.id}`}>{c.sides.challenger.label}</Link></th></tr></thead>
            <tbody>
              {ROWS.map((row) => {
                const a = c.sides!.champion[row.key] as number | null, b = c.sides!.challenger[row.key] as number | null;
                const win = row.key === 'flagCut' ? null : better(a, b, row.higher);
                return (
                  <tr key={row.key}>
                    <td>{row.label} {row.key !== 'flagCut' ? <span className="muted small">{row.higher ? '↑' : '↓'}</span> : null}</td>
                    {(['champion', 'challenger'] as const).map((s) => (
                      <td key={s} className={`num mono${win === s ? ' best' : ''}`} data-testid={`${s}-${row.key}`}>
                        {row.fmt(s === 'champion' ? a : b)}{win === s ? <span className="best-mark" title="better">★</span> : null}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted small">Costs per version: false alarm {c.sides.challenger.costs.fp}, missed fraud {c.sides.challenger.costs.fn} (from training, else 1 and 10). Precision and recall use labelled items only.</p>
          {can(who.role, 'models:promote') ? (
            <div className="row" style={{ marginTop: 12 }}>
              <PromoteButton versionId={c.sides.challenger.id} label={c.sides.challenger.label} testId="promote-challenger" />
            </div>
          ) : null}
        </div>
      )}
    </>
  );
}
