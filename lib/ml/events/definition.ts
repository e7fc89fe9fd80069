// An event type: the customer's own schema of one kind of event, and the per-entity aggregates over it.
// Pure types; the zod schema that validates input is lib/schemas/event-types.ts.

export const FIELD_TYPES = ['number', 'category', 'text', 'email', 'ip', 'timestamp', 'date', 'boolean', 'id'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const AGGREGATE_FNS = ['count', 'sum', 'mean', 'max', 'distinct', 'since_last', 'ratio_to_mean'] as const;
export type AggregateFn = (typeof AGGREGATE_FNS)[number];

export const WINDOWS = ['10m', '1h', '24h', '7d', '30d'] as const;
export type AggregateWindow = (typeof WINDOWS)[number];

export interface EventField {
  name: string;
  type: FieldType;
  /** Marks the field as the key of an entity (card, customer, email, ip…): aggregates group by it. */
  entity?: string;
  /** Masked (last 4 characters shown) wherever a person or an export sees it; models still use it. */
  sensitive?: boolean;
}

export interface AggregateDef {
  /** An entity named by some field's `entity`. */
  entity: string;
  fn: AggregateFn;
  /** count and since_last need none; sum/mean/max/ratio_to_mean a number field; distinct any field. */
  field?: string;
  /** Absent only for since_last and ratio_to_mean (ratio_to_mean without a window compares to the entity's whole history). */
  window?: AggregateWindow;
}

export interface EventTypeDefinition {
  name: string;
  label?: string;
  /** Idempotency key of an event. */
  idField: string;
  /** ISO 8601, epoch seconds or epoch milliseconds (detected per value). */
  timeField: string;
  amountField?: string;
  fields: EventField[];
  aggregates: AggregateDef[];
}
