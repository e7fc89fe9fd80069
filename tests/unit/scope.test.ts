import { describe, expect, it } from 'vitest';
import { scopeHref } from '@/components/ui/scope-picker';
import { typeVolumeRows } from '@/lib/charts/type-volumes';
import { sameScope, scopeFromParams, scopeKey, scopeName, scopeParams, settingsKeyOf, typeOfKind } from '@/lib/schemas/scope';

describe('scope from URL params', () => {
  it('reads ?type= as an event type, and an old ?kind= link as its built-in type', () => {
    expect(scopeFromParams({ type: 'card_transaction' })).toEqual({ eventType: 'card_transaction' });
    expect(scopeFromParams({ kind: 'email' })).toEqual({ eventType: 'email' });
    expect(scopeFromParams({ kind: 'transaction' })).toEqual({ eventType: 'card_transaction' });
    expect(scopeFromParams(new URLSearchParams('kind=email&type=user_activity'))).toEqual({ eventType: 'user_activity' });
    expect(scopeFromParams({ type: ['registration', 'email'] })).toEqual({ eventType: 'registration' });
  });

  it('falls back to card payments (or the given type) on anything invalid', () => {
    expect(scopeFromParams({})).toEqual({ eventType: 'card_transaction' });
    expect(scopeFromParams({ kind: 'tabular' })).toEqual({ eventType: 'card_transaction' });
    expect(scopeFromParams({ type: 'Bad Name' })).toEqual({ eventType: 'card_transaction' });
    expect(scopeFromParams({ type: '../x', kind: 'email' })).toEqual({ eventType: 'email' });
    expect(scopeFromParams({ type: 'x'.repeat(60) })).toEqual({ eventType: 'card_transaction' });
    expect(scopeFromParams({ kind: 'nope' }, 'email')).toEqual({ eventType: 'email' });
  });

  it('round-trips through params, and names the settings key and serving slot', () => {
    for (const scope of [{ eventType: 'card_transaction' }, { eventType: 'email' }, { eventType: 'registration' }]) {
      expect(scopeFromParams(scopeParams(scope))).toEqual(scope);
    }
    expect(scopeKey({ eventType: 'registration' })).toBe('event:registration');
    expect(scopeKey({ eventType: 'email' })).toBe('event:email');
    expect(scopeName({ eventType: 'registration' })).toBe('registration');
    expect(sameScope({ eventType: 'email' }, { eventType: 'email' })).toBe(true);
    expect(sameScope({ eventType: 'email' }, { eventType: 'email_x' })).toBe(false);
  });

  it('maps the old kinds to their types and settings keys', () => {
    expect(typeOfKind('transaction')).toBe('card_transaction');
    expect(typeOfKind('email')).toBe('email');
    expect(typeOfKind('registration')).toBe('registration');
    expect(settingsKeyOf('transaction')).toBe('event:card_transaction');
    expect(settingsKeyOf('email')).toBe('event:email');
    expect(settingsKeyOf('tabular')).toBe('tabular');
    expect(settingsKeyOf('event:registration')).toBe('event:registration');
  });

  it('builds picker links that keep other params and replace the scope', () => {
    expect(scopeHref('/drift', { eventType: 'registration' }, { window: 'day', kind: 'email' })).toBe('/drift?window=day&type=registration');
    expect(scopeHref('/monitoring/shadow', { eventType: 'email' }, { type: 'registration' })).toBe('/monitoring/shadow?type=email');
  });
});

describe('type volume rows', () => {
  it('puts every type\'s daily total in one row per day', () => {
    const w = { total: 0, flagged: 0, flagRate: null };
    const rows = typeVolumeRows([
      { scope: { eventType: 'card_transaction' }, last14: w, today: w, daily: [{ day: '2026-01-01', total: 5, flagged: 1 }, { day: '2026-01-02', total: 7, flagged: 0 }] },
      { scope: { eventType: 'registration' }, last14: w, today: w, daily: [{ day: '2026-01-01', total: 0, flagged: 0 }, { day: '2026-01-02', total: 3, flagged: 3 }] },
    ]);
    expect(rows).toEqual([{ day: '2026-01-01', card_transaction: 5, registration: 0 }, { day: '2026-01-02', card_transaction: 7, registration: 3 }]);
    expect(typeVolumeRows([])).toEqual([]);
  });
});
