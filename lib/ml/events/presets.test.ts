import { describe, expect, it } from 'vitest';
import { EventTypeDefinitionInput } from '@/lib/schemas/event-types';
import { SPARKOV_COLUMNS } from './seed-shapes';
import { TX_FEATURES } from '../features/transaction';
import { aggregateName } from './aggregates';
import { CARD_TRANSACTION, PRESETS } from './presets';

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))('%s passes the input contract unchanged', (_, p) => {
    const r = EventTypeDefinitionInput.safeParse(p);
    expect(r.error?.issues ?? []).toEqual([]);
    expect(r.data).toEqual(p);
  });
  it('the contract refuses a field named like an aggregate feature', () => {
    const d = { ...CARD_TRANSACTION, fields: [...CARD_TRANSACTION.fields, { name: 'card.since_last', type: 'number' }] };
    expect(EventTypeDefinitionInput.safeParse(d).error?.issues.map((i) => i.path.join('.'))).toEqual(['aggregates.4']);
  });
  it('has the five seed shapes once each', () => {
    expect(PRESETS.map((p) => p.name)).toEqual(['card_transaction', 'email', 'credit_record', 'user_activity', 'registration']);
  });
  it('card_transaction covers the Sparkov columns and the velocity features', () => {
    const names = CARD_TRANSACTION.fields.map((f) => f.name);
    for (const c of SPARKOV_COLUMNS) if (c !== 'is_fraud') expect(names).toContain(c);
    expect(CARD_TRANSACTION.aggregates.map(aggregateName)).toEqual([
      'card.count_1h', 'card.sum_amt_1h', 'card.count_24h', 'card.sum_amt_24h', 'card.since_last', 'card.ratio_to_mean_amt',
    ]);
    expect(TX_FEATURES.filter((f) => f.startsWith('card_') || f === 'seconds_since_prev' || f === 'amount_to_card_mean')).toHaveLength(6);
  });
});
