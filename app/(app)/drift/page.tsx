import { DriftDashboard } from '@/components/drift/drift-dashboard';
import { Forbidden } from '@/components/forbidden';
import { DriftQuery } from '@/lib/schemas/drift';
import { listDrift } from '@/lib/server/drift';
import { pageAccess } from '@/lib/server/pages';
import { can } from '@/lib/server/rbac';

export const metadata = { title: 'Drift' };

export default async function DriftPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { who, allowed } = await pageAccess('models:read');
  if (!allowed) return <Forbidden role={who.role} what="read drift monitoring" />;
  const parsed = DriftQuery.safeParse(await searchParams);
  const initial = await listDrift(parsed.success ? parsed.data : DriftQuery.parse({}));
  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">Drift</h1>
          <p className="lead">How today&apos;s traffic compares with each serving model&apos;s training data: PSI per feature and on the score, per window.</p>
        </div>
      </div>
      <DriftDashboard initial={initial} canCompute={can(who.role, 'models:train')} />
    </>
  );
}
