// What changed between two versions of an event type definition, for the version history.
import { aggregateName } from './aggregates';
import type { EventField, EventTypeDefinition } from './definition';

export interface FieldChange { name: string; changes: string[] }

export interface DefinitionDiff {
  fieldsAdded: string[];
  fieldsRemoved: string[];
  fieldsChanged: FieldChange[];
  /** Aggregates by their feature name ('customer.count_24h'). */
  aggregatesAdded: string[];
  aggregatesRemoved: string[];
  /** Type-level settings: label, id, time and amount fields. */
  settings: string[];
}

const shown = (v: string | undefined) => (v === undefined || v === '' ? '(none)' : `'${v}'`);

function fieldChanges(a: EventField, b: EventField): string[] {
  const out: string[] = [];
  if (a.type !== b.type) out.push(`type ${a.type} → ${b.type}`);
  if ((a.entity ?? '') !== (b.entity ?? '')) out.push(`entity ${shown(a.entity)} → ${shown(b.entity)}`);
  if (Boolean(a.sensitive) !== Boolean(b.sensitive)) out.push(b.sensitive ? 'now sensitive' : 'no longer sensitive');
  return out;
}

/** The changes from `prev` to `next`; every list keeps `next`'s order (removed ones keep `prev`'s). */
export function diffDefinitions(prev: EventTypeDefinition, next: EventTypeDefinition): DefinitionDiff {
  const before = new Map(prev.fields.map((f) => [f.name, f]));
  const after = new Map(next.fields.map((f) => [f.name, f]));
  const fieldsAdded: string[] = [];
  const fieldsChanged: FieldChange[] = [];
  for (const f of next.fields) {
    const old = before.get(f.name);
    if (!old) { fieldsAdded.push(f.name); continue; }
    const changes = fieldChanges(old, f);
    if (changes.length) fieldsChanged.push({ name: f.name, changes });
  }
  const fieldsRemoved = prev.fields.filter((f) => !after.has(f.name)).map((f) => f.name);

  const oldAggs = new Set(prev.aggregates.map(aggregateName));
  const newAggs = new Set(next.aggregates.map(aggregateName));
  const aggregatesAdded = [...newAggs].filter((n) => !oldAggs.has(n));
  const aggregatesRemoved = [...oldAggs].filter((n) => !newAggs.has(n));

  const settings: string[] = [];
  if ((prev.label ?? '') !== (next.label ?? '')) settings.push(`label ${shown(prev.label)} → ${shown(next.label)}`);
  if (prev.idField !== next.idField) settings.push(`id field ${shown(prev.idField)} → ${shown(next.idField)}`);
  if (prev.timeField !== next.timeField) settings.push(`time field ${shown(prev.timeField)} → ${shown(next.timeField)}`);
  if ((prev.amountField ?? '') !== (next.amountField ?? '')) settings.push(`amount field ${shown(prev.amountField)} → ${shown(next.amountField)}`);
  return { fieldsAdded, fieldsRemoved, fieldsChanged, aggregatesAdded, aggregatesRemoved, settings };
}

export const isEmptyDiff = (d: DefinitionDiff) =>
  !d.fieldsAdded.length && !d.fieldsRemoved.length && !d.fieldsChanged.length && !d.aggregatesAdded.length && !d.aggregatesRemoved.length && !d.settings.length;
