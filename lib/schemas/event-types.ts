// Input contract of an event type definition (see lib/ml/events/definition.ts for the meaning).
import { z } from 'zod';
import { aggregateName } from '@/lib/ml/events/aggregates';
import { AGGREGATE_FNS, type EventTypeDefinition, FIELD_TYPES, WINDOWS } from '@/lib/ml/events/definition';
import { safeString } from './common';

export const EVENT_TYPE_NAME_RE = /^[a-z][a-z0-9_]{1,40}$/;
export const EventTypeName = safeString(41).regex(EVENT_TYPE_NAME_RE, 'A lowercase letter, then 1–40 lowercase letters, digits or underscores.');
const FieldName = safeString(120).min(1, 'Required.');
const EntityName = safeString(40).regex(/^[a-z][a-z0-9_]{0,39}$/, 'A lowercase letter, then letters, digits or underscores.');

const NUMERIC_FNS = new Set(['sum', 'mean', 'max', 'ratio_to_mean']);

export const EventFieldInput = z.object({
  name: FieldName,
  type: z.enum(FIELD_TYPES),
  entity: EntityName.optional(),
  sensitive: z.boolean().optional(),
}).strict();

export const AggregateInput = z.object({
  entity: EntityName,
  fn: z.enum(AGGREGATE_FNS),
  field: FieldName.optional(),
  window: z.enum(WINDOWS).optional(),
}).strict();

/** Cross-field rules, each reported on the path of the offending entry. */
export const EventTypeDefinitionInput = z.object({
  name: EventTypeName,
  label: safeString(80).trim().optional(),
  idField: FieldName,
  timeField: FieldName,
  amountField: FieldName.optional(),
  fields: z.array(EventFieldInput).min(1).max(200),
  aggregates: z.array(AggregateInput).max(64).default([]),
}).strict().superRefine((d, ctx) => {
  const byName = new Map<string, z.infer<typeof EventFieldInput>>();
  d.fields.forEach((f, i) => {
    if (byName.has(f.name)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: `Field '${f.name}' is declared twice.` });
    byName.set(f.name, f);
  });
  const need = (key: 'idField' | 'timeField' | 'amountField', ok: (t: string) => boolean, what: string) => {
    const name = d[key];
    if (name === undefined) return;
    const f = byName.get(name);
    if (!f) ctx.addIssue({ code: 'custom', path: [key], message: `'${name}' is not one of the fields.` });
    else if (!ok(f.type)) ctx.addIssue({ code: 'custom', path: [key], message: `'${name}' is a ${f.type} field; ${what}.` });
  };
  need('idField', (t) => ['id', 'text', 'category', 'number', 'email'].includes(t), 'the id field must be an id, text, category, number or email field');
  need('timeField', (t) => t === 'timestamp' || t === 'date' || t === 'number', 'the time field must be a timestamp, date or number field');
  need('amountField', (t) => t === 'number', 'the amount field must be a number field');
  const entities = new Set(d.fields.flatMap((f) => (f.entity ? [f.entity] : [])));
  const seen = new Set<string>();
  d.aggregates.forEach((a, i) => {
    const at = (k: string) => ['aggregates', i, k];
    if (!entities.has(a.entity)) ctx.addIssue({ code: 'custom', path: at('entity'), message: `No field is marked as entity '${a.entity}'.` });
    const f = a.field === undefined ? undefined : byName.get(a.field);
    if (a.field !== undefined && !f) ctx.addIssue({ code: 'custom', path: at('field'), message: `'${a.field}' is not one of the fields.` });
    if (NUMERIC_FNS.has(a.fn) && !a.field) ctx.addIssue({ code: 'custom', path: at('field'), message: `${a.fn} needs a number field.` });
    if (NUMERIC_FNS.has(a.fn) && f && f.type !== 'number') ctx.addIssue({ code: 'custom', path: at('field'), message: `${a.fn} needs a number field; '${f.name}' is ${f.type}.` });
    if (a.fn === 'distinct' && !a.field) ctx.addIssue({ code: 'custom', path: at('field'), message: 'distinct needs the field whose values to count.' });
    if ((a.fn === 'count' || a.fn === 'since_last') && a.field) ctx.addIssue({ code: 'custom', path: at('field'), message: `${a.fn} takes no field.` });
    if (a.fn === 'since_last' && a.window) ctx.addIssue({ code: 'custom', path: at('window'), message: 'since_last takes no window.' });
    if (a.fn !== 'since_last' && a.fn !== 'ratio_to_mean' && !a.window) ctx.addIssue({ code: 'custom', path: at('window'), message: `${a.fn} needs a window (${WINDOWS.join(', ')}).` });
    // Aggregates become features named like this; a field of the same name would make two features alike.
    if (byName.has(aggregateName(a))) ctx.addIssue({ code: 'custom', path: ['aggregates', i], message: `A field is already named '${aggregateName(a)}'.` });
    const key = `${a.entity}|${a.fn}|${a.field ?? ''}|${a.window ?? ''}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['aggregates', i], message: 'This aggregate is declared twice.' });
    seen.add(key);
  });
});

// The input schema and the pure type must agree.
type Parsed = z.infer<typeof EventTypeDefinitionInput>;
const _sameShape: (d: Parsed) => EventTypeDefinition = (d) => d;
void _sameShape;

export const InferEventTypeInput = z.object({
  csv: z.string().min(1, 'Send the first part of a CSV (header and some rows).').max(1_000_000, 'At most 1 MB of CSV.'),
  name: EventTypeName.optional(),
}).strict();
