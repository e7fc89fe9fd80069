// The score tester's form for an event type, built from its definition: one input per field, prefilled with
// an example event (the most recent one of the type). Pure, so it is unit-tested without a browser.
import type { EventTypeDefinition, FieldType } from '@/lib/ml/events/definition';

export type InputKind = 'number' | 'text' | 'email' | 'datetime-local' | 'date' | 'checkbox';

export interface FormField {
  name: string;
  type: FieldType;
  input: InputKind;
  value: string;
  /** The id/time/amount field, or an entity key: shown first. */
  role: 'id' | 'time' | 'amount' | 'entity' | null;
  sensitive: boolean;
  hint?: string;
}

const INPUT: Record<FieldType, InputKind> = {
  number: 'number', category: 'text', text: 'text', email: 'email', ip: 'text', timestamp: 'datetime-local', date: 'date', boolean: 'checkbox', id: 'text',
};

// Sensitive values reach the browser masked ('****1234'): sent back they would score a different key.
const MASKED = /^\*+.{0,4}$/;

/** An instant (ISO text, epoch seconds or milliseconds) as a datetime-local value in UTC, or ''. */
export function toLocalInput(v: unknown): string {
  let ms: number;
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()))) {
    const n = Number(v);
    ms = n > 1e11 ? n : n * 1000;
  } else if (typeof v === 'string') {
    const s = v.trim();
    ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
  } else return '';
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 19) : '';
}

function exampleValue(type: FieldType, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (type === 'timestamp') return toLocalInput(v);
  if (type === 'date') return typeof v === 'string' ? v.slice(0, 10) : '';
  if (type === 'boolean') return /^(true|1|yes|t|y)$/i.test(String(v)) ? 'true' : 'false';
  return String(v);
}

export function buildEventForm(def: EventTypeDefinition, example: Record<string, unknown> | null): FormField[] {
  const roleOf = (name: string, entity?: string): FormField['role'] =>
    name === def.idField ? 'id' : name === def.timeField ? 'time' : name === def.amountField ? 'amount' : entity ? 'entity' : null;
  const fields = def.fields.map((f): FormField => {
    const raw = example?.[f.name];
    const masked = Boolean(f.sensitive) && typeof raw === 'string' && MASKED.test(raw);
    return {
      name: f.name, type: f.type, input: INPUT[f.type], role: roleOf(f.name, f.entity), sensitive: Boolean(f.sensitive),
      value: masked ? '' : exampleValue(f.type, raw),
      ...(masked ? { hint: 'Sensitive: the example is masked, type a value.' } : {}),
    };
  });
  const rank = (f: FormField) => (f.role === 'id' ? 0 : f.role === 'time' ? 1 : f.role === 'amount' ? 2 : f.role === 'entity' ? 3 : 4);
  // A stable sort: within a rank the definition's order stays.
  return fields.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
}

/** The form's values as the event JSON the API takes; blank inputs are left out. */
export function eventFromForm(fields: FormField[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const f of fields) {
    const v = f.value.trim();
    if (f.input === 'checkbox') { out[f.name] = v === 'true'; continue; }
    if (v === '') continue;
    if (f.type === 'number') out[f.name] = Number.isFinite(Number(v)) ? Number(v) : v;
    else if (f.type === 'timestamp') out[f.name] = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? `${v.length === 16 ? `${v}:00` : v}Z` : v;
    else out[f.name] = v;
  }
  return out;
}
