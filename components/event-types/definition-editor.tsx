'use client';
// The definition editor: a new type (POST) or the next version of an existing one (PUT). The API validates;
// its field errors are shown next to the inputs they name.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type DefinitionDraft, definitionOfDraft, draftEntities } from '@/lib/client/definition-draft';
import { type EventTypeDetailView, fieldErrors, useSaveEventType } from '@/lib/client/event-types';
import { AggregatesTable } from './aggregates-table';
import { type Errors, FieldError } from './field-errors';
import { FieldsTable } from './fields-table';

function FieldSelect({ id, label, value, names, optional, onChange, errors, disabled }: {
  id: 'idField' | 'timeField' | 'amountField'; label: string; value: string; names: string[]; optional?: boolean; onChange: (v: string) => void; errors: Errors; disabled: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={`def-${id}`}>{label}</label>
      <select id={`def-${id}`} value={value} disabled={disabled} data-testid={`def-${id}`} onChange={(e) => onChange(e.target.value)}>
        {optional ? <option value="">(none)</option> : null}
        {names.includes(value) || (optional && !value) ? null : <option value={value}>{value || 'pick…'}</option>}
        {names.map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
      <FieldError errors={errors} path={id} />
    </div>
  );
}

export function DefinitionEditor({ initial, existing, canWrite, onSaved }: {
  initial: DefinitionDraft; existing: string | null; canWrite: boolean; onSaved?: (saved: EventTypeDetailView) => void;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const save = useSaveEventType(existing);
  const errors = fieldErrors(save.error);
  const disabled = !canWrite || save.isPending;
  const names = draft.fields.map((f) => f.name.trim()).filter(Boolean);
  const patch = (p: Partial<DefinitionDraft>) => setDraft((d) => ({ ...d, ...p }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    save.mutate(definitionOfDraft(draft), {
      onSuccess: (saved) => {
        if (onSaved) return onSaved(saved);
        router.push(`/event-types/${saved.name}`);
        router.refresh();
      },
    });
  }

  return (
    <form className="grid" onSubmit={submit} data-testid="definition-editor">
      <div className="card">
        <div className="row">
          <div className="field">
            <label htmlFor="def-name">Name</label>
            <input id="def-name" className="mono" value={draft.name} disabled={disabled || existing !== null} data-testid="def-name" placeholder="shop_order" onChange={(e) => patch({ name: e.target.value })} />
            <FieldError errors={errors} path="name" />
          </div>
          <div className="field">
            <label htmlFor="def-label">Label</label>
            <input id="def-label" value={draft.label} disabled={disabled} data-testid="def-label" placeholder="Shop order" onChange={(e) => patch({ label: e.target.value })} />
            <FieldError errors={errors} path="label" />
          </div>
          <FieldSelect id="idField" label="Id field" value={draft.idField} names={names} onChange={(v) => patch({ idField: v })} errors={errors} disabled={disabled} />
          <FieldSelect id="timeField" label="Time field" value={draft.timeField} names={names} onChange={(v) => patch({ timeField: v })} errors={errors} disabled={disabled} />
          <FieldSelect id="amountField" label="Amount field" value={draft.amountField} names={names} optional onChange={(v) => patch({ amountField: v })} errors={errors} disabled={disabled} />
        </div>
      </div>
      <div className="card">
        <h2>Fields</h2>
        <p className="hint">An entity key (card, customer, email, ip…) groups events for aggregates and the event page&apos;s panels. Sensitive fields show only their last 4 characters to people and in exports; models still use them.</p>
        <FieldsTable fields={draft.fields} onChange={(fields) => patch({ fields })} errors={errors} disabled={disabled} />
      </div>
      <div className="card">
        <h2>Aggregates</h2>
        <p className="hint">Per-entity velocity features computed at ingestion: count and since_last take no field; sum, mean, max and ratio_to_mean a number field; distinct any field.</p>
        <AggregatesTable aggregates={draft.aggregates} fields={draft.fields} entities={draftEntities(draft)} onChange={(aggregates) => patch({ aggregates })} errors={errors} disabled={disabled} />
      </div>
      {save.error ? <div className="alert error" data-testid="definition-error">{save.error.message}</div> : null}
      {save.isSuccess && !onSaved ? <div className="alert success" data-testid="definition-saved">Saved as version {save.data.currentVersion}.</div> : null}
      {canWrite ? (
        <div className="row">
          <button className="btn primary" disabled={disabled} data-testid="definition-save">
            {save.isPending ? 'Saving…' : existing ? 'Save as a new version' : 'Create the event type'}
          </button>
          {existing ? <span className="hint">Models and datasets keep the version they were built on.</span> : null}
        </div>
      ) : <p className="hint">Your role can read definitions but not change them.</p>}
    </form>
  );
}
