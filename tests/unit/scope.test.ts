import { describe, expect, it } from 'vitest';
import { scopeHref } from '@/components/ui/scope-picker';
import { typeVolumeRows } from '@/lib/charts/type-volumes';
import { sameScope, scopeFromParams, scopeKey, scopeName, scopeParams } from '@/lib/schemas/scope';

describe('scope from URL params', () => {
  it('reads ?type= as an event type, ?kind= as a legacy kind', () => {
    expect(scopeFromParams({ type: 'card_transaction' })).toEqual({ eventType: 'card_transaction' });
    expect(scopeFromParams({ kind: 'email' })).toEqual({ kind: 'email' });
    expect(scopeFromParams(new URLSearchParams('kind=email&type=user_activity'))).toEqual({ eventType: 'user_activity' });
    expect(scopeFromParams({ type: ['registration', 'email'] })).toEqual({ eventType: 'registration' });
  });

  it('falls back to a legacy kind on anything invalid', () => {
    expect(scopeFromParams({})).toEqual({ kind: 'transaction' });
    expect(scopeFromParams({ kind: 'tabular' })).toEqual({ kind: 'transaction' });
    expect(scopeFromParams({ type: 'Bad Name' })).toEqual({ kind: 'transaction' });
    expect(scopeFromParams({ type: '../x', kind: 'email' })).toEqual({ kind: 'email' });
    expect(scopeFromParams({ type: 'x'.repeat(60) })).toEqual({ kind: 'transaction' });
    expect(scopeFromParams({ kind: 'nope' }, 'email')).toEqual({ kind: 'email' });
  });

  it('round-trips through params, and names the settings key and serving slot', () => {
    for (const scope of [{ kind: 'transaction' as const }, { kind: 'email' as const }, { eventType: 'registration' }]) {
      expect(scopeFromParams(scopeParams(scope))).toEqual(scope);
    }
    expect(scopeKey({ eventType: 'registration' })).toBe('event:registration');
    expect(scopeKey({ kind: 'email' })).toBe('email');
    expect(scopeName({ eventType: 'registration' })).toBe('registration');
    expect(sameScope({ kind: 'email' }, { kind: 'email' })).toBe(true);
    expect(sameScope({ kind: 'email' }, { eventType: 'email_x' })).toBe(false);
  });

  it('builds picker links that keep other params and replace the scope', () => {
    expect(scopeHref('/drift', { eventType: 'registration' }, { window: 'day', kind: 'email' })).toBe('/drift?window=day&type=registration');
    expect(scopeHref('/monitoring/shadow', { kind: 'email' }, { type: 'registration' })).toBe('/monitoring/shadow?kind=email');
  });
});

describe('type volume rows', () => {
  it('puts every type\'s daily total in one row per day', () => {
    const w = { total: 0, flagged: 0, flagRate: null };
    const rows = typeVolumeRows([
      { scope: { kind: 'transaction' }, last14: w, today: w, daily: [{ day: '2026-01-01', total: 5, flagged: 1 }, { day: '2026-01-02', total: 7, flagged: 0 }] },
      { scope: { eventType: 'registration' }, last14: w, today: w, daily: [{ day: '2026-01-01', total: 0, flagged: 0 }, { day: '2026-01-02', total: 3, flagged: 3 }] },
    ]);
    expect(rows).toEqual([{ day: '2026-01-01', transaction: 5, registration: 0 }, { day: '2026-01-02', transaction: 7, registration: 3 }]);
    expect(typeVolumeRows([])).toEqual([]);
  });
});
