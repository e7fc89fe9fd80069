// Per-field checks of incoming events against their type's definition: the id and time fields must be there,
// typed fields must hold what their type says. Fields the definition does not name pass through as ignored.
import crypto from 'node:crypto';
import net from 'node:net';
import type { EventField, EventTypeDefinition } from '@/lib/ml/events/definition';
import { toEventSeconds } from '@/lib/ml/features/values';
import type { EventRecord } from '@/lib/schemas/events';

export interface ValidEvent {
  index: number;
  externalId: string;
  /** Event time in epoch seconds, as the aggregates read it. */
  seconds: number;
  occurredAt: Date;
  amount: number | null;
  record: EventRecord;
}

export interface RecordError { index: number; fields: Record<string, string[]> }

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN_RE = /^(true|false|0|1|yes|no|t|f|y|n)$/i;
// What both databases store as a timestamp without surprises.
const MIN_SECONDS = Date.UTC(1900, 0, 1) / 1000;
const MAX_SECONDS = Date.UTC(2201, 0, 1) / 1000;

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && NUMBER_RE.test(v.trim())) return Number(v.trim());
  return null;
}

/** Why a present value does not fit its field type, or null when it does. */
function typeProblem(f: EventField, v: unknown): string | null {
  switch (f.type) {
    case 'number': return toNumber(v) === null ? 'Must be a number.' : null;
    case 'email': return typeof v === 'string' && EMAIL_RE.test(v.trim()) ? null : 'Must be an email address.';
    case 'ip': return typeof v === 'string' && net.isIP(v.trim()) !== 0 ? null : 'Must be an IPv4 or IPv6 address.';
    case 'boolean': return typeof v === 'boolean' || BOOLEAN_RE.test(String(v)) ? null : 'Must be true or false.';
    case 'timestamp':
    case 'date': return Number.isFinite(toEventSeconds(v)) ? null : 'Must be an ISO 8601 time, epoch seconds or epoch milliseconds.';
    default: return null;
  }
}

/**
 * `fill`: built-in presets whose seeds carry no id or time (credit records, user activity, registrations) get a
 * generated id and the arrival time when an event lacks them; a type someone defined must send both.
 */
export function validateEvents(def: EventTypeDefinition, records: EventRecord[], opts: { fill?: boolean } = {}): { valid: ValidEvent[]; errors: RecordError[]; ignored: string[] } {
  const known = new Map(def.fields.map((f) => [f.name, f]));
  const ignored = new Set<string>();
  const valid: ValidEvent[] = [];
  const errors: RecordError[] = [];
  const arrival = new Date().toISOString();
  records.forEach((given, index) => {
    let record = given;
    if (opts.fill && (isBlank(record[def.idField]) || isBlank(record[def.timeField]))) {
      record = { ...record };
      if (isBlank(record[def.idField])) record[def.idField] = crypto.randomUUID();
      if (isBlank(record[def.timeField])) record[def.timeField] = arrival;
    }
    const fields: Record<string, string[]> = Object.create(null);
    const fail = (name: string, message: string) => (fields[name] ??= []).push(message);
    for (const key of Object.keys(record)) if (!known.has(key)) ignored.add(key);
    for (const f of def.fields) {
      const v = record[f.name];
      if (isBlank(v)) continue;
      const problem = typeProblem(f, v);
      if (problem) fail(f.name, problem);
    }
    const id = record[def.idField];
    if (isBlank(id)) fail(def.idField, 'The id field is required.');
    else if (String(id).length > 200) fail(def.idField, 'At most 200 characters.');
    const t = record[def.timeField];
    const seconds = isBlank(t) ? NaN : toEventSeconds(t);
    if (isBlank(t)) fail(def.timeField, 'The time field is required.');
    else if (Number.isFinite(seconds) && (seconds < MIN_SECONDS || seconds >= MAX_SECONDS)) fail(def.timeField, 'The time must lie between 1900 and 2200.');
    else if (!Number.isFinite(seconds) && !fields[def.timeField]) fail(def.timeField, 'Must be an ISO 8601 time, epoch seconds or epoch milliseconds.');
    if (Object.keys(fields).length) return void errors.push({ index, fields });
    const amount = def.amountField ? toNumber(record[def.amountField]) : null;
    valid.push({ index, externalId: String(id), seconds, occurredAt: new Date(Math.round(seconds * 1000)), amount, record });
  });
  return { valid, errors, ignored: [...ignored].sort() };
}

/** Per-record errors as API error fields: events.<index>.<field>. */
export function errorFields(errors: RecordError[]): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
  for (const e of errors) for (const [k, v] of Object.entries(e.fields)) out[`events.${e.index}.${k}`] = v;
  return out;
}
