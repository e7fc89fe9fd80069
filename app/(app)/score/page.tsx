import { Forbidden } from '@/components/forbidden';
import { EventTester, type TesterType } from '@/components/scoring/event-tester';
import { ScoreTester, type TesterKind, type VersionOption } from '@/components/scoring/score-tester';
import { eventTesterSetup } from '@/lib/server/events/screens';
import { listModels } from '@/lib/server/registry/models';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';

export const metadata = { title: 'Score tester' };

export default async function ScorePage() {
  const { who, allowed } = await pageAccess('score:test');
  if (!allowed) return <Forbidden role={who.role} what="use the score tester" />;
  const versions: Record<TesterKind, VersionOption[]> = { email: [], transaction: [] };
  for (const model of await listModels()) {
    if (model.kind !== 'email' && model.kind !== 'transaction') continue;
    for (const v of model.versions) versions[model.kind].push({ id: v.id, stage: v.stage, label: `${model.name} v${v.version} · ${v.stage}` });
  }
  return (
    <>
      <h1 data-testid="page-title">Score tester</h1>
      <p className="lead">Score one email address or one transaction with the production model, or any version you pick. Nothing is stored unless you save it.</p>
      <ScoreTester versions={versions} canSave={can(who.role, 'score:save')} now={new Date().toISOString()} />
      <EventTester types={JSON.parse(JSON.stringify(await eventTesterSetup())) as TesterType[]} canStore={can(who.role, 'transactions:ingest')} />
    </>
  );
}
