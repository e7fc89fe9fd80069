import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Forbidden } from '@/components/forbidden';
import { BacktestTuner } from '@/components/monitoring/backtest-tuner';
import { ScopePicker } from '@/components/ui/scope-picker';
import { StageBadge } from '@/components/ui/stage-badge';
import type { Scope } from '@/lib/schemas/scope';
import { scopeOptions } from '@/lib/server/events/scope-options';
import { ApiError } from '@/lib/server/platform/http';
import { getVersion } from '@/lib/server/registry/models';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';

export const metadata = { title: 'Backtest' };

async function load(id: string) {
  try {
    return await getVersion(id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

export default async function BacktestPage({ params }: { params: Promise<{ id: string }> }) {
  const { who, allowed } = await pageAccess('models:read');
  if (!allowed) return <Forbidden role={who.role} what="read the model registry" />;
  const [v, options] = await Promise.all([load((await params).id), scopeOptions()]);
  const label = `${v.model.name} v${v.version}`;
  // The version's own type; the picker jumps to the backtest of another type's production version.
  const scope: Scope | null = v.servingSlot.startsWith('event:') ? { eventType: v.servingSlot.slice('event:'.length) } : null;
  return (
    <>
      <div className="crumbs"><Link href="/models">Models</Link> / <Link href={`/models/versions/${v.id}`}>{label}</Link> / backtest</div>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">Backtest {label} <StageBadge stage={v.stage} /></h1>
          <p className="lead">
            Stored threshold <span className="mono" data-testid="current-threshold">{v.threshold.toFixed(4)}</span> · review from {v.reviewThreshold.toFixed(4)} · block from {v.blockThreshold.toFixed(4)}
          </p>
        </div>
      </div>
      {scope ? <ScopePicker options={options} current={scope} basePath={`/models/versions/${v.id}/backtest`} label="Backtest the production model of"
        hrefFor={(o) => (o.productionId ? `/models/versions/${o.productionId}/backtest` : null)} /> : null}
      {v.kind === 'tabular'
        ? <div className="empty"><strong>Nothing to replay</strong>Tabular models have no stored traffic; backtests cover transactions and emails.</div>
        : <BacktestTuner versionId={v.id} current={v.threshold} canWrite={can(who.role, 'thresholds:write')} />}
    </>
  );
}
