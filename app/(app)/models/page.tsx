import Link from 'next/link';
import { Forbidden } from '@/components/forbidden';
import { Registry, type RegistryModel, type RegistryVersion } from '@/components/models/registry';
import { EmptyState } from '@/components/stat';
import { listModels } from '@/lib/server/registry/models';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';

export const metadata = { title: 'Models' };

type Listed = Awaited<ReturnType<typeof listModels>>[number];
type ListedVersion = Listed['versions'][number];

const metric = (v: ListedVersion, key: 'rocAuc' | 'averagePrecision') => {
  const x = (v.metrics as Record<string, unknown> | null)?.[key];
  return typeof x === 'number' ? x : null;
};

function toRow(name: string, v: ListedVersion): RegistryVersion {
  return {
    id: v.id, modelName: name, version: v.version, algorithm: v.algorithm, stage: v.stage,
    rocAuc: metric(v, 'rocAuc'), prAuc: metric(v, 'averagePrecision'), trainedBy: v.trainedByLabel ?? 'system',
    createdAt: v.createdAt.toISOString(), trainingMs: v.trainingMs,
  };
}

/** An event model's type, from its versions' serving slot (event:<type>); null for the other kinds. */
function eventTypeOf(m: Listed): string | null {
  const slot = m.kind === 'event' ? m.versions.find((v) => v.servingSlot.startsWith('event:'))?.servingSlot : undefined;
  return slot ? slot.slice('event:'.length) : null;
}

export default async function ModelsPage() {
  const { who, allowed } = await pageAccess('models:read');
  if (!allowed) return <Forbidden role={who.role} what="read the model registry" />;
  const models: RegistryModel[] = (await listModels()).map((m) => ({
    id: m.id, name: m.name, kind: m.kind, eventType: eventTypeOf(m),
    production: m.production ? toRow(m.name, m.production) : null,
    bestCandidate: m.bestCandidate ? toRow(m.name, m.bestCandidate) : null,
    versions: m.versions.map((v) => toRow(m.name, v)),
  }));
  const canTrain = can(who.role, 'models:train');
  return (
    <>
      <div className="page-head">
        <div>
          <h1 data-testid="page-title">Models</h1>
          <p className="lead">Every trained version, its stage and its validation metrics. Pick versions to compare them, open one to promote it.</p>
        </div>
        {canTrain ? <Link className="btn primary" href="/train" data-testid="train-link">Train a model</Link> : null}
      </div>
      {models.length ? (
        <Registry models={models} />
      ) : (
        <EmptyState title="No models yet" testId="empty-models">
          {canTrain ? <>Train one from a dataset on the <Link href="/train">Train page</Link>; each run registers a candidate version here.</> : 'An engineer trains models from datasets; they appear here as candidate versions.'}
        </EmptyState>
      )}
    </>
  );
}
