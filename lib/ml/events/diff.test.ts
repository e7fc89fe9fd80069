import { describe, expect, it } from 'vitest';
import type { EventTypeDefinition } from './definition';
import { diffDefinitions, isEmptyDiff } from './diff';
import { PRESETS } from './presets';

const base: EventTypeDefinition = {
  name: 'order', label: 'Order', idField: 'order_id', timeField: 'ts', amountField: 'price',
  fields: [
    { name: 'order_id', type: 'id' },
    { name: 'ts', type: 'timestamp' },
    { name: 'price', type: 'number' },
    { name: 'buyer', type: 'id', entity: 'buyer' },
    { name: 'note', type: 'text' },
  ],
  aggregates: [{ entity: 'buyer', fn: 'count', window: '24h' }, { entity: 'buyer', fn: 'sum', field: 'price', window: '7d' }],
};

describe('diffDefinitions', () => {
  it('finds nothing between a definition and its copy', () => {
    expect(isEmptyDiff(diffDefinitions(base, structuredClone(base)))).toBe(true);
    for (const p of PRESETS) expect(isEmptyDiff(diffDefinitions(p, structuredClone(p)))).toBe(true);
  });

  it('lists added, removed and changed fields, aggregates and settings', () => {
    const next: EventTypeDefinition = {
      ...base, label: 'Web order', amountField: undefined,
      fields: [
        { name: 'order_id', type: 'id' },
        { name: 'ts', type: 'timestamp' },
        { name: 'price', type: 'category' },
        { name: 'buyer', type: 'id', entity: 'customer', sensitive: true },
        { name: 'ip', type: 'ip', entity: 'ip' },
      ],
      aggregates: [{ entity: 'customer', fn: 'count', window: '24h' }, { entity: 'buyer', fn: 'sum', field: 'price', window: '7d' }],
    };
    const d = diffDefinitions(base, next);
    expect(d.fieldsAdded).toEqual(['ip']);
    expect(d.fieldsRemoved).toEqual(['note']);
    expect(d.fieldsChanged).toEqual([
      { name: 'price', changes: ['type number → category'] },
      { name: 'buyer', changes: ["entity 'buyer' → 'customer'", 'now sensitive'] },
    ]);
    expect(d.aggregatesAdded).toEqual(['customer.count_24h']);
    expect(d.aggregatesRemoved).toEqual(['buyer.count_24h']);
    expect(d.settings).toEqual(["label 'Order' → 'Web order'", "amount field 'price' → (none)"]);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('scales to the largest definition the API accepts (200 fields, 64 aggregates)', () => {
    const wide = (n: number, type: 'number' | 'text'): EventTypeDefinition => ({
      name: 'wide', idField: 'f0', timeField: 'f1',
      fields: Array.from({ length: 200 }, (_, i) => ({ name: `f${i}`, type: i < n ? type : 'number', ...(i === 5 ? { entity: 'e' } : {}) })),
      aggregates: Array.from({ length: 64 }, (_, i) => ({ entity: 'e', fn: 'sum' as const, field: `f${i + 10}`, window: '24h' as const })),
    });
    const d = diffDefinitions(wide(0, 'number'), wide(150, 'text'));
    expect(d.fieldsChanged).toHaveLength(150);
    expect(d.fieldsAdded).toEqual([]);
    expect(d.aggregatesAdded).toEqual([]);
  });
});
