'use client';
// The definition's fields: name, type, entity key and sensitive flag, one row each.
import { FIELD_TYPES, type FieldType } from '@/lib/ml/events/definition';
import type { FieldDraft } from '@/lib/client/definition-draft';
import { type Errors, FieldError } from './field-errors';

export function FieldsTable({ fields, onChange, errors, disabled }: { fields: FieldDraft[]; onChange: (next: FieldDraft[]) => void; errors: Errors; disabled: boolean }) {
  const set = (i: number, patch: Partial<FieldDraft>) => onChange(fields.map((f, k) => (k === i ? { ...f, ...patch } : f)));
  return (
    <div className="table-scroll">
      <table data-testid="fields-table">
        <thead><tr><th>Field</th><th>Type</th><th>Entity key</th><th>Sensitive</th><th /></tr></thead>
        <tbody>
          {fields.map((f, i) => (
            <tr key={i} data-testid="field-row">
              <td>
                <input className="mono" aria-label={`Field ${i + 1} name`} value={f.name} disabled={disabled} data-testid={`field-name-${i}`} onChange={(e) => set(i, { name: e.target.value })} />
                <FieldError errors={errors} path={`fields.${i}`} deep />
              </td>
              <td>
                <select aria-label={`Field ${i + 1} type`} value={f.type} disabled={disabled} data-testid={`field-type-${i}`} onChange={(e) => set(i, { type: e.target.value as FieldType })}>
                  {FIELD_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                </select>
              </td>
              <td>
                <input className="mono" aria-label={`Field ${i + 1} entity`} value={f.entity} placeholder="(none)" size={12} disabled={disabled} data-testid={`field-entity-${i}`} onChange={(e) => set(i, { entity: e.target.value })} />
              </td>
              <td>
                <input type="checkbox" aria-label={`Field ${i + 1} sensitive`} checked={f.sensitive} disabled={disabled} data-testid={`field-sensitive-${i}`} onChange={(e) => set(i, { sensitive: e.target.checked })} />
              </td>
              <td>
                {disabled ? null : <button type="button" className="btn sm" aria-label={`Remove field ${f.name || i + 1}`} onClick={() => onChange(fields.filter((_, k) => k !== i))}>Remove</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {disabled ? null : (
        <button type="button" className="btn sm" data-testid="add-field" onClick={() => onChange([...fields, { name: '', type: 'text', entity: '', sensitive: false }])}>Add a field</button>
      )}
      <FieldError errors={errors} path="fields" />
    </div>
  );
}
