// The one masking rule for every read path (list, detail, entity panels, export): a sensitive field shows its
// last 4 characters. Scoring and aggregates read the stored value; only what people and exports see is masked.
import type { EventTypeDefinition } from '@/lib/ml/events/definition';

export function maskValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return s.length <= 4 ? '*'.repeat(s.length) : `${'*'.repeat(Math.min(s.length - 4, 12))}${s.slice(-4)}`;
}

export const sensitiveFields = (def: EventTypeDefinition) => new Set(def.fields.filter((f) => f.sensitive).map((f) => f.name));

/** Entities whose key field is sensitive: their keys are masked too. */
export const sensitiveEntities = (def: EventTypeDefinition) => new Set(def.fields.filter((f) => f.sensitive && f.entity).map((f) => f.entity!));

export function maskPayload(def: EventTypeDefinition, payload: Record<string, unknown>): Record<string, unknown> {
  const hidden = sensitiveFields(def);
  if (!hidden.size) return payload;
  return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, hidden.has(k) ? maskValue(v) : v]));
}

/** An event as people see it: payload, external id (when the id field is sensitive) masked. */
export function maskEvent<E extends { externalId: string; payload: unknown }>(def: EventTypeDefinition, e: E): E {
  const hidden = sensitiveFields(def);
  return { ...e, externalId: hidden.has(def.idField) ? maskValue(e.externalId)! : e.externalId, payload: maskPayload(def, (e.payload ?? {}) as Record<string, unknown>) };
}

export function maskEntityKey(def: EventTypeDefinition, entity: string, key: string): string {
  return sensitiveEntities(def).has(entity) ? maskValue(key)! : key;
}
