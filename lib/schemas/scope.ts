// What a monitoring or review page looks at: a legacy kind (Transaction table) or one event type (Event table).
// The state lives in the URL: ?kind=transaction|email, or ?type=<event type> (type wins when both are valid).
import { EventTypeName } from './event-types';

export const LEGACY_KINDS = ['transaction', 'email'] as const;
export type LegacyKind = (typeof LEGACY_KINDS)[number];
export type Scope = { kind: LegacyKind } | { eventType: string };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const first = (params: Params, key: string): string | undefined => {
  const v = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
  return Array.isArray(v) ? v[0] : v;
};

/** URL params → scope; anything invalid falls back to the given legacy kind (pages never fail on a bad link). */
export function scopeFromParams(params: Params, fallback: LegacyKind = 'transaction'): Scope {
  const type = EventTypeName.safeParse(first(params, 'type'));
  if (type.success) return { eventType: type.data };
  const kind = first(params, 'kind');
  return { kind: LEGACY_KINDS.find((k) => k === kind) ?? fallback };
}

/** The URL params that select a scope (the inverse of scopeFromParams). */
export function scopeParams(scope: Scope): Record<string, string> {
  return 'eventType' in scope ? { type: scope.eventType } : { kind: scope.kind };
}

/** The serving slot and monitor-settings key of a scope: the kind, or event:<type>. */
export function scopeKey(scope: Scope): string {
  return 'eventType' in scope ? `event:${scope.eventType}` : scope.kind;
}

/** The scope's name for headings. */
export function scopeName(scope: Scope): string {
  return 'eventType' in scope ? scope.eventType : scope.kind;
}

export const sameScope = (a: Scope, b: Scope) => scopeKey(a) === scopeKey(b);

/** A scope a page can pick (lib/server/events/scope-options). */
export interface ScopeOption {
  scope: Scope;
  /** Stored items of the scope (all time). */
  items: number;
  /** A production version serves the scope's slot. */
  hasProduction: boolean;
  /** That version (the newest promoted, should a slot hold two). */
  productionId: string | null;
  hasShadow: boolean;
}

/** Traffic of one scope in a window (lib/server/monitoring/type-volumes). */
export interface WindowVolume { total: number; flagged: number; flagRate: number | null }
export interface DayVolume { day: string; total: number; flagged: number }
/** daily: the 14 UTC days oldest first, days without traffic as zeros. */
export interface TypeVolume { scope: Scope; last14: WindowVolume; today: WindowVolume; daily: DayVolume[] }
