// A suggested event type from sample rows: field types, id/time/amount fields, entity keys and default
// aggregates. Only a suggestion: the user reviews it before it is saved.

import { toEventSeconds, toStr } from '../features/values';
import type { TableView } from '../table';
import type { AggregateDef, EventField, EventTypeDefinition, FieldType } from './definition';

const SAMPLE = 20000;
const MAX_FIELDS = 200;
const MAX_AGGREGATES = 64;
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const IPV4_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6_RE = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BOOL_VALUES = new Set(['true', 'false', 't', 'f', 'yes', 'no', 'y', 'n', '0', '1']);
const LABEL_RE = /^(is_?fraud|fraud|fraud_?label|event_?label|label|class|fake|is_?fake|target|is_?bot|chargeback)$/i;
const INDEX_RE = /^(|unnamed: ?\d+)$|(^|_)(index|row|rownum)$/i;
const ID_NAME_RE = /(^id$|_id$|id$|_num$|_no$|_number$|uuid|guid|^trans_num$)/i;
const TIME_NAME_RE = /(time|date|timestamp|_at$|^ts$|_ts$)/i;
const EVENT_ID_NAMES = ['event_id', 'eventid', 'id', 'trans_num', 'transaction_id', 'txn_id', 'tx_id', 'order_id', 'payment_id', 'uuid'];
const TIME_NAMES = ['event_timestamp', 'event_time', 'timestamp', 'trans_date_trans_time', 'created_at', 'time', 'datetime', 'date', 'unix_time'];
const AMOUNT_RE = /^(amount|amt|price|value|total)$|(^|_)(amount|amt|price|value|total)$/i;
const CARD_NAME_RE = /^(cc_?num(ber)?|card_?num(ber)?|card|pan|card_?id|credit_?card)$/i;
const SENSITIVE_NAME_RE = /(ssn|iban|passport|account_?number)/i;
/** Codes written in digits that are not quantities. */
const CODE_NAME_RE = /(bin|zip|postal|postcode|_code)$/i;
const LABEL_META_RE = /^label_/i;
/** Entity by column name, for key-like columns (ids and categories). */
const ENTITY_NAMES: [RegExp, string][] = [
  [CARD_NAME_RE, 'card'],
  [/^(customer|cust|client)(_?id|_?num(ber)?)?$/i, 'customer'],
  [/^(user|member)(_?id|_?name)?$/i, 'user'],
  [/^account(_?id)?$/i, 'account'],
  // Amazon Fraud Detector's layout: ENTITY_TYPE is almost always 'customer'.
  [/^entity_?id$/i, 'customer'],
  [/^device(_?id|_?fingerprint)?$/i, 'device'],
  [/^(merchant|merch|shop|store|seller)(_?id|_?name)?$/i, 'merchant'],
];

interface Profile { name: string; values: string[]; distinct: number; unique: boolean }

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

const share = (values: string[], pred: (v: string) => boolean) => {
  let k = 0;
  for (const v of values) if (pred(v)) k++;
  return values.length ? k / values.length : 0;
};

/** A field type from the sample, and why when it is not obvious. */
function typeOf(p: Profile, notes: string[]): { type: FieldType; card?: boolean } {
  const { name, values } = p;
  if (share(values, (v) => EMAIL_RE.test(v)) >= 0.95) return { type: 'email' };
  if (share(values, (v) => IPV4_RE.test(v) || IPV6_RE.test(v)) >= 0.95) return { type: 'ip' };
  if (share(values, (v) => DATETIME_RE.test(v) && Number.isFinite(toEventSeconds(v))) >= 0.95) return { type: 'timestamp' };
  if (share(values, (v) => DATE_RE.test(v)) >= 0.95) return { type: 'date' };
  const numeric = share(values, (v) => v !== '' && Number.isFinite(Number(v))) >= 0.95;
  if (numeric) {
    const nums = values.map(Number);
    // By name and range: epoch seconds 1973–2103, or epoch milliseconds over the same years.
    if (TIME_NAME_RE.test(name) && nums.every((x) => (x >= 1e8 && x < 4.2e9) || (x >= 1e11 && x < 4.2e12))) {
      notes.push(`'${name}' holds epoch ${nums[0] >= 1e11 ? 'milliseconds' : 'seconds'}: read as a timestamp.`);
      return { type: 'timestamp' };
    }
    if (share(values, (v) => /^\d{12,19}$/.test(v)) >= 0.95) {
      // Card numbers and other long codes: keys, not quantities.
      const card = CARD_NAME_RE.test(name) || share(values, (v) => v.length >= 13 && luhn(v)) >= 0.9;
      return { type: 'id', card };
    }
    if (p.distinct <= 2 && values.every((v) => v === '0' || v === '1')) return { type: 'boolean' };
    if (ID_NAME_RE.test(name) && nums.every(Number.isInteger)) return { type: 'id' };
    if (CODE_NAME_RE.test(name) && nums.every(Number.isInteger)) return { type: 'category' };
    return { type: 'number' };
  }
  if (p.distinct <= 2 && values.every((v) => BOOL_VALUES.has(v.toLowerCase()))) return { type: 'boolean' };
  if (UUID_RE.test(values[0]) && share(values, (v) => UUID_RE.test(v)) >= 0.95) return { type: 'id' };
  if (ID_NAME_RE.test(name)) return { type: 'id' };
  const long = share(values, (v) => v.length > 40 && v.includes(' ')) >= 0.5;
  if (long) return { type: 'text' };
  if (values.length >= 20 && p.distinct >= 0.95 * values.length) return { type: 'id' }; // unique-ish text: names nothing a model can reuse
  return { type: 'category' };
}

function profile(view: TableView, name: string): Profile {
  const read = view.reader(name)!;
  const step = Math.max(1, Math.ceil(view.nRows / SAMPLE));
  const values: string[] = [];
  for (let i = 0; i < view.nRows; i += step) { const v = toStr(read(i)); if (v !== '') values.push(v); }
  const distinct = new Set(values).size;
  return { name, values, distinct, unique: values.length > 0 && distinct === values.length };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+/, '').slice(0, 41);

export function inferDefinition(view: TableView, opts: { name?: string; labelColumn?: string } = {}):
  { definition: EventTypeDefinition; ignored: string[]; notes: string[] } {
  const notes: string[] = [];
  const ignored: string[] = [];
  const label = opts.labelColumn ?? view.names.find((c) => LABEL_RE.test(c));
  if (label !== undefined && view.names.includes(label)) { ignored.push(label); notes.push(`'${label}' looks like the label: left out of the fields (labels are posted separately).`); }

  const fields: EventField[] = [];
  const profiles = new Map<string, Profile>();
  for (const name of view.names) {
    if (name === label) continue;
    if (LABEL_META_RE.test(name)) { ignored.push(name); notes.push(`'${name}' describes the label, not the event: left out.`); continue; }
    if (fields.length >= MAX_FIELDS) { ignored.push(name); continue; }
    if (name.length > 120) { ignored.push(name); notes.push(`A column name longer than 120 characters was left out.`); continue; }
    const p = profile(view, name);
    if (!p.values.length) { ignored.push(name); notes.push(`'${name}' is empty in the sample: left out.`); continue; }
    if (INDEX_RE.test(name) && p.unique && p.values.every((v) => /^\d+$/.test(v))) { ignored.push(name); notes.push(`'${name}' is a row number: left out.`); continue; }
    const { type, card } = typeOf(p, notes);
    const f: EventField = { name, type };
    if (card || (CARD_NAME_RE.test(name) && type === 'id')) {
      f.entity = 'card'; f.sensitive = true;
      notes.push(`'${name}' looks like card numbers: a sensitive card key (masked when shown).`);
    } else if (SENSITIVE_NAME_RE.test(name)) f.sensitive = true;
    if (!f.entity && (type === 'id' || type === 'category' || type === 'number' || type === 'text')) {
      const hit = ENTITY_NAMES.find(([re]) => re.test(name));
      if (hit && !p.unique) f.entity = hit[1];
    }
    if (type === 'email') f.entity = 'email';
    if (type === 'ip') f.entity = 'ip';
    // One field per entity: a second card column would split one card's history in two.
    if (f.entity && fields.some((g) => g.entity === f.entity)) delete f.entity;
    fields.push(f);
    profiles.set(name, p);
  }
  if (!fields.length) throw new Error('no usable columns to infer an event type from');

  const lower = (s: string) => s.toLowerCase();
  const byPriority = (names: string[], list: string[]) => list.map((n) => names.find((c) => lower(c) === n)).find((c) => c !== undefined);

  // Id: a known event-id name that is unique, else any unique id-like column, else the most distinct one.
  const idable = fields.filter((f) => ['id', 'text', 'category', 'number', 'email'].includes(f.type));
  const uniq = idable.filter((f) => profiles.get(f.name)!.unique);
  const plain = uniq.filter((f) => !f.entity);
  let idField = byPriority(plain.map((f) => f.name), EVENT_ID_NAMES)
    ?? plain.find((f) => ID_NAME_RE.test(f.name) || (f.type === 'id' && UUID_RE.test(profiles.get(f.name)!.values[0])))?.name
    // A lone key column (a list of email addresses) identifies its events; a unique address or phone does not.
    ?? (fields.length === 1 && uniq[0]?.entity ? uniq[0].name : undefined);
  if (!idField) {
    const best = idable.filter((f) => !f.entity && ID_NAME_RE.test(f.name))
      .sort((a, b) => profiles.get(b.name)!.distinct - profiles.get(a.name)!.distinct)[0];
    if (best) {
      const p = profiles.get(best.name)!;
      idField = best.name;
      notes.push(`No column is unique: '${best.name}' is the best id (${Math.round((100 * p.distinct) / p.values.length)}% distinct in the sample); events with a repeated id are treated as one.`);
    } else {
      // Amazon Fraud Detector's upper-case layout (EVENT_TIMESTAMP, EVENT_LABEL) names it EVENT_ID.
      idField = view.names.some((c) => /^EVENT_[A-Z]+$/.test(c)) ? 'EVENT_ID' : 'event_id';
      fields.push({ name: idField, type: 'id' });
      notes.push(`No id column: added '${idField}', which the server fills when an event has none.`);
    }
  }

  const times = fields.filter((f) => f.type === 'timestamp' || f.type === 'date');
  let timeField = byPriority(times.map((f) => f.name), TIME_NAMES) ?? times.find((f) => f.type === 'timestamp')?.name ?? times[0]?.name;
  if (!timeField) {
    timeField = 'event_time';
    fields.push({ name: timeField, type: 'timestamp' });
    notes.push("No time column: added 'event_time', which the server fills with the arrival time when an event has none.");
  }

  const numbers = fields.filter((f) => f.type === 'number' && AMOUNT_RE.test(f.name));
  const amountField = byPriority(numbers.map((f) => f.name), ['amount', 'amt', 'price', 'value', 'total']) ?? numbers[0]?.name;

  const aggregates: AggregateDef[] = [];
  const keys = fields.filter((f) => f.entity);
  for (const f of keys) {
    const entity = f.entity!;
    aggregates.push({ entity, fn: 'count', window: '1h' }, { entity, fn: 'count', window: '24h' }, { entity, fn: 'since_last' });
    if (amountField) aggregates.push({ entity, fn: 'sum', field: amountField, window: '24h' }, { entity, fn: 'ratio_to_mean', field: amountField });
    const other = keys.find((g) => g !== f);
    if (entity === 'email' && other) aggregates.push({ entity, fn: 'distinct', field: other.name, window: '7d' });
  }
  if (aggregates.length > MAX_AGGREGATES) { notes.push(`Kept the first ${MAX_AGGREGATES} suggested aggregates.`); aggregates.length = MAX_AGGREGATES; }
  if (!keys.length) notes.push('No entity key (card, customer, user, account, email, ip, device, merchant) found: mark one to get aggregates.');

  const name = slug(opts.name ?? '') || 'events';
  const definition: EventTypeDefinition = {
    name: name.length >= 2 ? name : `${name}_events`, idField, timeField, ...(amountField ? { amountField } : {}), fields, aggregates,
  };
  return { definition, ignored, notes };
}
