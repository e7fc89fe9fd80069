import { DriftDashboard } from '@/components/drift/drift-dashboard';
import { Forbidden } from '@/components/forbidden';
import { ScopePicker } from '@/components/ui/scope-picker';
import { DriftQuery, DriftWindow } from '@/lib/schemas/drift';
import { scopeFromParams, scopeKey } from '@/lib/schemas/scope';
import { listDrift } from '@/lib/server/monitoring/drift';
import { scopeOptions } from '@/lib/server/events/scope-options';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';

export const metadata = { title: 'Drift' };

export default async function DriftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { who, allowed } = await pageAccess('models:read');
  if (!allowed) return <Forbidden role={who.role} what="read drift monitoring" />;
  const raw = await searchParams;
  // ?type=<event type> from the picker (old ?kind= links name a built-in type), or ?kind=tabular.
  const scope = scopeFromParams(raw);
  const window = DriftWindow.safeParse(raw.window);
  const query = DriftQuery.parse({
    ...(raw.kind === 'tabular' && !raw.type ? { kind: 'tabular' } : { eventType: scope.eventType }),
    ...(window.success ? { window: window.data } : {}),
  });
  const [initial, options] = await Promise.all([listDrift(query), scopeOptions()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">Drift</h1>
          <p className="lead">How today&apos;s traffic compares with each serving model&apos;s training data: PSI per feature and on the score, per window.</p>
        </div>
      </div>
      <ScopePicker options={options} current={scope} basePath="/drift" />
      <DriftDashboard key={scopeKey(scope)} initial={initial} canCompute={can(who.role, 'models:train')} />
    </>
  );
}
