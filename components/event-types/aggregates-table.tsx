'use client';
// Per-entity aggregates: entity, function, field and window; the feature name each one becomes is shown.
import { aggregateName } from '@/lib/ml/events/aggregates';
import { AGGREGATE_FNS, type AggregateFn, type AggregateWindow, WINDOWS } from '@/lib/ml/events/definition';
import type { AggregateDraft, FieldDraft } from '@/lib/client/definition-draft';
import { type Errors, FieldError } from './field-errors';

const TAKES_FIELD: Record<AggregateFn, boolean> = { count: false, since_last: false, sum: true, mean: true, max: true, ratio_to_mean: true, distinct: true };

export function AggregatesTable({ aggregates, fields, entities, onChange, errors, disabled }: {
  aggregates: AggregateDraft[]; fields: FieldDraft[]; entities: string[]; onChange: (next: AggregateDraft[]) => void; errors: Errors; disabled: boolean;
}) {
  const set = (i: number, patch: Partial<AggregateDraft>) => onChange(aggregates.map((a, k) => (k === i ? { ...a, ...patch } : a)));
  const fieldNames = fields.map((f) => f.name).filter(Boolean);
  return (
    <div className="table-scroll">
      <table data-testid="aggregates-table">
        <thead><tr><th>Entity</th><th>Function</th><th>Field</th><th>Window</th><th>Feature</th><th /></tr></thead>
        <tbody>
          {aggregates.map((a, i) => {
            const options = TAKES_FIELD[a.fn] ? (a.fn === 'distinct' ? fieldNames : fields.filter((f) => f.type === 'number').map((f) => f.name)) : [];
            return (
              <tr key={i} data-testid="aggregate-row">
                <td>
                  <select aria-label={`Aggregate ${i + 1} entity`} value={a.entity} disabled={disabled} data-testid={`agg-entity-${i}`} onChange={(e) => set(i, { entity: e.target.value })}>
                    {entities.includes(a.entity) ? null : <option value={a.entity}>{a.entity || 'pick…'}</option>}
                    {entities.map((e) => <option key={e} value={e}>{e}</option>)}
                  </select>
                  <FieldError errors={errors} path={`aggregates.${i}`} deep />
                </td>
                <td>
                  <select aria-label={`Aggregate ${i + 1} function`} value={a.fn} disabled={disabled} data-testid={`agg-fn-${i}`}
                    onChange={(e) => { const fn = e.target.value as AggregateFn; set(i, { fn, ...(TAKES_FIELD[fn] ? {} : { field: '' }), ...(fn === 'since_last' ? { window: '' } : {}) }); }}>
                    {AGGREGATE_FNS.map((f) => <option key={f} value={f}>{f}</option>)}
                  </select>
                </td>
                <td>
                  <select aria-label={`Aggregate ${i + 1} field`} value={a.field} disabled={disabled || !TAKES_FIELD[a.fn]} data-testid={`agg-field-${i}`} onChange={(e) => set(i, { field: e.target.value })}>
                    <option value="">(none)</option>
                    {options.includes(a.field) || !a.field ? null : <option value={a.field}>{a.field}</option>}
                    {options.map((f) => <option key={f} value={f}>{f}</option>)}
                  </select>
                </td>
                <td>
                  <select aria-label={`Aggregate ${i + 1} window`} value={a.window} disabled={disabled || a.fn === 'since_last'} data-testid={`agg-window-${i}`} onChange={(e) => set(i, { window: e.target.value as AggregateWindow | '' })}>
                    <option value="">(none)</option>
                    {WINDOWS.map((w) => <option key={w} value={w}>{w}</option>)}
                  </select>
                </td>
                <td className="mono small muted">{a.entity ? aggregateName({ entity: a.entity, fn: a.fn, field: a.field || undefined, window: a.window || undefined }) : '–'}</td>
                <td>{disabled ? null : <button type="button" className="btn sm" aria-label={`Remove aggregate ${i + 1}`} onClick={() => onChange(aggregates.filter((_, k) => k !== i))}>Remove</button>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {disabled ? null : (
        <button type="button" className="btn sm" data-testid="add-aggregate" disabled={!entities.length} title={entities.length ? undefined : 'Mark a field as an entity key first.'}
          onClick={() => onChange([...aggregates, { entity: entities[0] ?? '', fn: 'count', field: '', window: '24h' }])}>Add an aggregate</button>
      )}
      <FieldError errors={errors} path="aggregates" />
    </div>
  );
}
