// The definition editor's working copy: every input is a string (selects and text boxes), turned back into the
// definition the API validates. Pure, unit-tested.
import type { AggregateFn, AggregateWindow, EventTypeDefinition, FieldType } from '@/lib/ml/events/definition';

export interface FieldDraft { name: string; type: FieldType; entity: string; sensitive: boolean }
export interface AggregateDraft { entity: string; fn: AggregateFn; field: string; window: AggregateWindow | '' }
export interface DefinitionDraft {
  name: string;
  label: string;
  idField: string;
  timeField: string;
  amountField: string;
  fields: FieldDraft[];
  aggregates: AggregateDraft[];
}

export const emptyDraft = (): DefinitionDraft => ({
  name: '', label: '', idField: 'event_id', timeField: 'event_time', amountField: '',
  fields: [{ name: 'event_id', type: 'id', entity: '', sensitive: false }, { name: 'event_time', type: 'timestamp', entity: '', sensitive: false }],
  aggregates: [],
});

export function draftOf(def: EventTypeDefinition): DefinitionDraft {
  return {
    name: def.name, label: def.label ?? '', idField: def.idField, timeField: def.timeField, amountField: def.amountField ?? '',
    fields: def.fields.map((f) => ({ name: f.name, type: f.type, entity: f.entity ?? '', sensitive: Boolean(f.sensitive) })),
    aggregates: def.aggregates.map((a) => ({ entity: a.entity, fn: a.fn, field: a.field ?? '', window: a.window ?? '' })),
  };
}

/** Blank optional inputs are left out, so the API sees what a hand-written definition would hold. */
export function definitionOfDraft(d: DefinitionDraft): EventTypeDefinition {
  const label = d.label.trim();
  return {
    name: d.name.trim(),
    ...(label ? { label } : {}),
    idField: d.idField,
    timeField: d.timeField,
    ...(d.amountField ? { amountField: d.amountField } : {}),
    fields: d.fields.map((f) => ({
      name: f.name.trim(), type: f.type,
      ...(f.entity.trim() ? { entity: f.entity.trim() } : {}),
      ...(f.sensitive ? { sensitive: true } : {}),
    })),
    aggregates: d.aggregates.map((a) => ({
      entity: a.entity.trim(), fn: a.fn,
      ...(a.field ? { field: a.field } : {}),
      ...(a.window ? { window: a.window } : {}),
    })),
  };
}

/** Entities named by some field, for the aggregate rows' entity select. */
export const draftEntities = (d: DefinitionDraft) => [...new Set(d.fields.map((f) => f.entity.trim()).filter(Boolean))];

/** A file name as a type name suggestion ('Shop Orders 2024.csv' → 'shop_orders_2024'), or none. */
export function typeNameFromFile(fileName: string): string | undefined {
  const s = fileName.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+/, '').replace(/_+$/, '').slice(0, 41);
  return /^[a-z][a-z0-9_]{1,40}$/.test(s) ? s : undefined;
}
