'use client';
// The registry: models grouped by event type (legacy kinds as their own groups) with each group's production
// and shadow versions, a version table per model, and a selection (2–4) to compare.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatAgo, formatDateTime, formatDuration, formatMetric } from '@/lib/format';
import { compareHref } from '@/lib/client/models';
import { StageBadge } from '@/components/ui/stage-badge';

export interface RegistryVersion {
  id: string; modelName: string; version: number; algorithm: string; stage: string;
  rocAuc: number | null; prAuc: number | null; trainedBy: string; createdAt: string; trainingMs: number;
}
export interface RegistryModel { id: string; name: string; kind: string; eventType: string | null; production: RegistryVersion | null; bestCandidate: RegistryVersion | null; versions: RegistryVersion[] }

const MAX_COMPARE = 4;
const slug = (v: RegistryVersion) => `${v.modelName}-v${v.version}`;
const shadowOf = (m: RegistryModel) => m.versions.find((v) => v.stage === 'shadow') ?? null;

interface Group { key: string; title: string; testId: string; models: RegistryModel[] }

/** Event models by their type, every other model by its kind; legacy kinds first, then types by name. */
function groupModels(models: RegistryModel[]): Group[] {
  const groups = new Map<string, Group>();
  for (const m of models) {
    const key = m.eventType ? `event:${m.eventType}` : m.kind;
    if (!groups.has(key)) {
      groups.set(key, m.eventType
        ? { key, title: `${m.eventType} (event type)`, testId: `type-${m.eventType}`, models: [] }
        : { key, title: `${m.kind} models`, testId: `kind-${m.kind}`, models: [] });
    }
    groups.get(key)!.models.push(m);
  }
  return [...groups.values()].sort((a, b) => Number(a.key.startsWith('event:')) - Number(b.key.startsWith('event:')) || a.key.localeCompare(b.key));
}

export function Registry({ models }: { models: RegistryModel[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const groups = groupModels(models);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= MAX_COMPARE ? s : [...s, id]));
  const ready = selected.length >= 2 && selected.length <= MAX_COMPARE;

  return (
    <>
      <div className="compare-bar card" data-testid="compare-bar">
        <span>
          {selected.length === 0 ? 'Tick 2 to 4 versions to compare them side by side.' : `${selected.length} selected${selected.length < 2 ? ': pick at least one more' : ''}${selected.length === MAX_COMPARE ? ' (the maximum)' : ''}.`}
        </span>
        <div className="row">
          {selected.length ? <button className="btn" onClick={() => setSelected([])}>Clear</button> : null}
          <button className="btn primary" disabled={!ready} onClick={() => router.push(compareHref(selected))} data-testid="compare-button">Compare</button>
        </div>
      </div>
      {groups.map((g) => (
        <section key={g.key} className="kind-group" data-testid={g.testId}>
          <h2 className="kind-title">{g.title}</h2>
          <GroupServing models={g.models} testId={`${g.testId}-serving`} />
          {g.models.map((m) => (
            <div key={m.id} className="card model-card" data-testid={`model-${m.name}`}>
              <div className="model-head">
                <div>
                  <h3>{m.name}</h3>
                  <span className="muted">{m.versions.length} version{m.versions.length === 1 ? '' : 's'}</span>
                </div>
                <div className="model-pointers">
                  <Pointer title="Production" v={m.production} empty={shadowOf(m) ? 'none: a challenger, scored beside the production model' : 'none: promote a version to start scoring'} testId={`production-${m.name}`} />
                  {shadowOf(m) ? <Pointer title="Shadow" v={shadowOf(m)} empty="" testId={`shadow-${m.name}`} /> : null}
                  <Pointer title="Best candidate (PR-AUC)" v={m.bestCandidate} empty="no candidates" testId={`best-${m.name}`} />
                </div>
              </div>
              <table className="versions">
                <thead>
                  <tr><th style={{ width: 32 }} /><th>Version</th><th>Algorithm</th><th>Stage</th><th className="num">ROC-AUC</th><th className="num">PR-AUC</th><th>Trained by</th><th>When</th><th className="num">Duration</th></tr>
                </thead>
                <tbody>
                  {m.versions.map((v) => (
                    <tr key={v.id} className={selected.includes(v.id) ? 'selected' : undefined}>
                      <td>
                        <input type="checkbox" aria-label={`Select ${m.name} v${v.version}`} checked={selected.includes(v.id)} disabled={!selected.includes(v.id) && selected.length >= MAX_COMPARE} onChange={() => toggle(v.id)} data-testid={`select-${slug(v)}`} />
                      </td>
                      <td><Link href={`/models/versions/${v.id}`} data-testid={`version-link-${slug(v)}`}>v{v.version}</Link></td>
                      <td><span className="mono">{v.algorithm}</span></td>
                      <td><StageBadge stage={v.stage} testId={`stage-${slug(v)}`} /></td>
                      <td className="num mono">{formatMetric(v.rocAuc)}</td>
                      <td className="num mono">{formatMetric(v.prAuc)}</td>
                      <td>{v.trainedBy}</td>
                      <td title={formatDateTime(v.createdAt)} suppressHydrationWarning>{formatAgo(v.createdAt)}</td>
                      <td className="num">{formatDuration(v.trainingMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

/** Which versions of the group serve: production decides, shadow scores beside it. */
function GroupServing({ models, testId }: { models: RegistryModel[]; testId: string }) {
  const serving = models.flatMap((m) => m.versions.filter((v) => v.stage === 'production' || v.stage === 'shadow'));
  const of = (stage: string) => serving.filter((v) => v.stage === stage);
  const links = (vs: RegistryVersion[]) => vs.length
    ? vs.map((v, i) => <span key={v.id}>{i ? ', ' : ''}<Link href={`/models/versions/${v.id}`}>{v.modelName} v{v.version}</Link></span>)
    : <span className="muted">none</span>;
  return (
    <p className="small group-serving" data-testid={testId}>
      Production: {links(of('production'))} · Shadow: {links(of('shadow'))}
    </p>
  );
}

function Pointer({ title, v, empty, testId }: { title: string; v: RegistryVersion | null; empty: string; testId: string }) {
  return (
    <div className="pointer" data-testid={testId}>
      <div className="pointer-title">{title}</div>
      {v ? (
        <Link href={`/models/versions/${v.id}`}>
          v{v.version} <span className="muted">· PR-AUC {formatMetric(v.prAuc)} · ROC-AUC {formatMetric(v.rocAuc)}</span>
        </Link>
      ) : <span className="muted">{empty}</span>}
    </div>
  );
}
