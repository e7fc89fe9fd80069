// What a monitoring or review page looks at: one event type. The state lives in the URL: ?type=<event type>.
// The old ?kind=transaction|email links still work: they name the built-in types those items moved into.
import { EventTypeName } from './event-types';

/** The model kinds that predate event types, and the built-in type each one's items and models belong to. */
export const LEGACY_KIND_TYPES = { transaction: 'card_transaction', email: 'email' } as const;
export type LegacyKind = keyof typeof LEGACY_KIND_TYPES;
export const isLegacyKind = (kind: string): kind is LegacyKind => kind in LEGACY_KIND_TYPES;
export type Scope = { eventType: string };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const first = (params: Params, key: string): string | undefined => {
  const v = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
  return Array.isArray(v) ? v[0] : v;
};

/** URL params → scope; anything invalid falls back to the card payments type (pages never fail on a bad link). */
export function scopeFromParams(params: Params, fallback: string = LEGACY_KIND_TYPES.transaction): Scope {
  const type = EventTypeName.safeParse(first(params, 'type'));
  if (type.success) return { eventType: type.data };
  const kind = first(params, 'kind') ?? '';
  return { eventType: isLegacyKind(kind) ? LEGACY_KIND_TYPES[kind] : fallback };
}

/** The URL params that select a scope (the inverse of scopeFromParams). */
export const scopeParams = (scope: Scope): Record<string, string> => ({ type: scope.eventType });

/** The serving slot and monitor-settings key of a scope: event:<type>. */
export const scopeKey = (scope: Scope): string => `event:${scope.eventType}`;

/** The scope's name for headings. */
export const scopeName = (scope: Scope): string => scope.eventType;

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

/** The event type behind a model kind: a legacy kind's built-in type, else the name itself. */
export const typeOfKind = (kind: string): string => (isLegacyKind(kind) ? LEGACY_KIND_TYPES[kind] : kind);

/** Monitor settings of the legacy kinds live under their type's key (event:<type>) since event types. */
export const settingsKeyOf = (key: string): string => (isLegacyKind(key) ? `event:${LEGACY_KIND_TYPES[key]}` : key);
