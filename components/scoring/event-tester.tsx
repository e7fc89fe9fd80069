'use client';
// The score tester for any event type: a form built from the type's fields, prefilled from its most recent
// event, scored with POST /api/score/{type} (nothing stored).
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { ApiClientError } from '@/lib/client/api';
import { buildEventForm, eventFromForm, type FormField } from '@/lib/client/event-form';
import { useScoreEvent, useStoreEvent } from '@/lib/client/events';
import type { EventTypeDefinition } from '@/lib/ml/events/definition';
import { ScoreResult } from './score-result';
import type { VersionOption } from './score-tester';

export interface TesterType { name: string; label: string | null; definition: EventTypeDefinition; example: Record<string, unknown> | null; versions: VersionOption[] }

function FieldInput({ f, onChange }: { f: FormField; onChange: (v: string) => void }) {
  const id = `ev-${f.name}`;
  if (f.input === 'checkbox') return <input id={id} type="checkbox" checked={f.value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : 'false')} data-testid={id} />;
  return <input id={id} data-testid={id} type={f.input} step={f.input === 'number' ? 'any' : f.input === 'datetime-local' ? '1' : undefined} value={f.value} onChange={(e) => onChange(e.target.value)} />;
}

function TypeForm({ type, canStore }: { type: TesterType; canStore: boolean }) {
  const initial = useMemo(() => buildEventForm(type.definition, type.example), [type]);
  const [form, setForm] = useState(initial);
  const [versionId, setVersionId] = useState('');
  const score = useScoreEvent();
  const [storeIt, setStoreIt] = useState(false);
  const store = useStoreEvent();
  const errors = score.error instanceof ApiClientError ? score.error.body.fields ?? {} : {};
  const production = type.versions.find((v) => v.stage === 'production');
  const label = (id: string) => type.versions.find((v) => v.id === id)?.label ?? id;
  const set = (i: number, value: string) => setForm((prev) => prev.map((f, k) => (k === i ? { ...f, value } : f)));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const event = eventFromForm(form);
    store.reset();
    // Stored only once it scored: a refused event gets the scorer's field errors, not a second request.
    score.mutate({ type: type.name, event, ...(versionId ? { modelVersionId: versionId } : {}) }, {
      onSuccess: () => { if (storeIt) store.mutate({ type: type.name, event }); },
    });
  }

  return (
    <div className="tester-split">
      <form onSubmit={submit} data-testid="event-form" className="tx-form">
        <div className="field">
          <label htmlFor="event-version">Model version</label>
          <select id="event-version" value={versionId} onChange={(e) => setVersionId(e.target.value)} data-testid="event-version-picker">
            <option value="">{production ? `Production (${production.label})` : 'Production (none yet)'}</option>
            {type.versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
          </select>
        </div>
        <p className="hint">{type.example ? 'Prefilled from the most recent stored event of this type.' : 'No stored event of this type yet: fill the fields.'}</p>
        <div className="tx-grid">
          {form.map((f, i) => {
            const error = errors[`events.0.${f.name}`]?.[0] ?? errors[`event.${f.name}`]?.[0];
            return (
              <div key={f.name} className={`field${error ? ' invalid' : ''}`}>
                <label htmlFor={`ev-${f.name}`}>{f.name}{f.role ? <span className="hint"> {f.role}</span> : null}{f.sensitive ? <span className="hint"> sensitive</span> : null}</label>
                <FieldInput f={f} onChange={(v) => set(i, v)} />
                {f.hint ? <span className="hint">{f.hint}</span> : null}
                {error ? <span className="field-error">{error}</span> : null}
              </div>
            );
          })}
        </div>
        {canStore ? (
          <label className="hint">
            <input type="checkbox" checked={storeIt} onChange={(e) => setStoreIt(e.target.checked)} data-testid="event-store" />
            {' '}Also store it as live traffic (scored by production, listed on the Events page)
          </label>
        ) : null}
        <div className="actions">
          <button className="btn primary" disabled={score.isPending || store.isPending} data-testid="event-submit">{score.isPending ? 'Scoring…' : `Score this ${type.label ?? type.name}`}</button>
          <button type="button" className="btn" onClick={() => { setForm(initial); score.reset(); }}>Reset example</button>
        </div>
      </form>
      <div>
        {score.error ? <div className="alert error" data-testid="score-error">{score.error.message}</div> : null}
        {store.error ? <div className="alert error" data-testid="store-error">{store.error.message}</div> : null}
        {store.data ? (
          <div className="alert success" data-testid="event-stored">
            {store.data.duplicate ? 'Already stored' : 'Stored'}: <Link href={`/events/${store.data.id}`} data-testid="event-stored-link">open it on the Events page →</Link>
          </div>
        ) : null}
        {score.data ? (
          <ScoreResult result={{ ...score.data, trans_num: score.data.externalId }} versionLabel={label(score.data.modelVersionId)} stale={score.isPending} />
        ) : !score.error ? (
          <div className="empty"><strong>Fill the event and press “Score”</strong>The entity keys&apos; stored history feeds the aggregates, exactly as at ingestion; nothing is stored.</div>
        ) : null}
      </div>
    </div>
  );
}

export function EventTester({ types, canStore = false }: { types: TesterType[]; canStore?: boolean }) {
  const [name, setName] = useState(() => (types.find((t) => t.versions.some((v) => v.stage === 'production')) ?? types[0])?.name ?? '');
  const type = types.find((t) => t.name === name);
  return (
    <div className="card tester" data-testid="event-tester">
      <div className="tester-bar">
        <h2>Any event type</h2>
        <div className="field inline-field">
          <label htmlFor="event-type-picker">Event type</label>
          <select id="event-type-picker" value={name} onChange={(e) => setName(e.target.value)} data-testid="event-type-picker">
            {types.map((t) => <option key={t.name} value={t.name}>{t.label ?? t.name}</option>)}
          </select>
        </div>
      </div>
      {type ? <TypeForm key={type.name} type={type} canStore={canStore} /> : <div className="empty">No event types yet.</div>}
    </div>
  );
}
