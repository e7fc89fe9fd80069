import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EntityPanel } from '@/components/events/entity-panel';
import { EventLabelButtons } from '@/components/events/event-label-buttons';
import { formatDateTime, formatScore, formatValue } from '@/lib/format';
import { Forbidden } from '@/components/forbidden';
import { BandBadge } from '@/components/scoring/band-badge';
import { ReasonsList } from '@/components/scoring/reasons-list';
import type { EventDetail } from '@/lib/client/events';
import { aggregateName } from '@/lib/ml/events/aggregates';
import { describeAggregate } from '@/lib/ml/events/describe';
import { definitionOf, getEvent } from '@/lib/server/events';
import { modelVersionNames } from '@/lib/server/events/screens';
import { ApiError } from '@/lib/server/platform/http';
import { pageAccess } from '@/lib/server/access/pages';
import { can } from '@/lib/server/access/rbac';

export const metadata = { title: 'Event' };

const ROLE = (def: { idField: string; timeField: string; amountField?: string }, name: string) =>
  name === def.idField ? 'id' : name === def.timeField ? 'time' : name === def.amountField ? 'amount' : null;

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { who, allowed } = await pageAccess('transactions:read');
  if (!allowed) return <Forbidden role={who.role} what="read events" />;
  const { id } = await params;
  const found = await getEvent(id).catch((err) => (err instanceof ApiError && (err.status === 404 || err.status === 400) ? null : Promise.reject(err)));
  if (!found) notFound();
  const e = JSON.parse(JSON.stringify(found)) as EventDetail;
  const { definition: def } = await definitionOf(e.eventType, e.typeVersion);
  const models = await modelVersionNames([e.modelVersionId, found.shadowModelVersionId]);
  const features = e.features ?? {};
  const named = new Set(def.fields.map((f) => f.name));
  const extra = Object.keys(e.payload).filter((k) => !named.has(k));
  const maskedEntities = new Set(def.fields.filter((f) => f.sensitive && f.entity).map((f) => f.entity!));

  return (
    <>
      <div className="crumbs"><Link href={`/events?type=${e.eventType}`}>Events</Link> / {def.label ?? e.eventType} / {e.externalId}</div>
      <h1 data-testid="page-title"><span className="mono">{e.externalId}</span> <BandBadge decision={e.decision} testId="event-band" /></h1>
      <p className="lead">{formatDateTime(e.occurredAt)} · {def.label ?? e.eventType} (definition v{e.typeVersion})</p>
      <div className="grid">
        <div className="grid cols-4 detail-stats">
          <div className="card stat"><div className="label">Score</div><div className="value" data-testid="event-score">{formatScore(e.score)}</div><div className="hint">{e.shadowScore !== null ? `shadow ${formatScore(e.shadowScore)}${found.shadowModelVersionId ? ` (${models[found.shadowModelVersionId] ?? 'shadow model'})` : ''}` : 'no shadow model'}</div></div>
          <div className="card stat"><div className="label">Decision</div><div className="value"><BandBadge decision={e.decision} /></div></div>
          <div className="card stat">
            <div className="label">Model</div>
            <div className="small" data-testid="event-model">{e.modelVersionId ? <Link href={`/models/versions/${e.modelVersionId}`}>{models[e.modelVersionId] ?? e.modelVersionId}</Link> : 'not scored by a model'}</div>
          </div>
          <div className="card stat"><EventLabelButtons id={e.id} label={e.label} version={e.version} canLabel={can(who.role, 'review:label')} /></div>
        </div>
        <div className="grid cols-2">
          <div className="card">
            <h2>Why</h2>
            <ReasonsList reasons={Array.isArray(e.reasons) ? e.reasons : []} testId="event-reasons" empty="No reasons stored for this event." />
          </div>
          <div className="card">
            <h2>Fields</h2>
            <dl className="kv" data-testid="event-fields">
              {def.fields.map((f) => (
                <FieldRow key={f.name} name={f.name} note={[f.type, ROLE(def, f.name), f.entity ? `entity ${f.entity}` : null, f.sensitive ? 'sensitive, masked' : null].filter(Boolean).join(' · ')} value={e.payload[f.name]} />
              ))}
              {extra.map((k) => <FieldRow key={k} name={k} note="not in the definition" value={e.payload[k]} />)}
            </dl>
          </div>
          {def.aggregates.length ? (
            <div className="card">
              <h2>Aggregates at scoring time</h2>
              <dl className="kv" data-testid="event-aggregates">
                {def.aggregates.map((a) => {
                  const v = features[aggregateName(a)];
                  return (
                    <FieldRow key={aggregateName(a)} name={aggregateName(a)} value={v}
                      note={describeAggregate(def, a, typeof v === 'number' ? v : Number.NaN)} />
                  );
                })}
              </dl>
            </div>
          ) : null}
        </div>
        {e.entities.length ? (
          <div className="grid cols-2">{e.entities.map((p) => <EntityPanel key={`${p.entity}:${p.key}`} panel={p} type={e.eventType} currentId={e.id} masked={maskedEntities.has(p.entity)} />)}</div>
        ) : <p className="hint">This event carries no entity key.</p>}
      </div>
    </>
  );
}

function FieldRow({ name, note, value }: { name: string; note: string; value: unknown }) {
  return (
    <>
      <dt className="mono" title={note}>{name}</dt>
      <dd><span className="mono">{formatValue(value)}</span> <span className="hint">{note}</span></dd>
    </>
  );
}
