import { describe, expect, it } from 'vitest';
import { EventTypeDefinitionInput } from '@/lib/schemas/event-types';
import { generateTransactions } from '../../demo/transactions';
import { createRng } from '../rng';
import { rowsView, tableFromRows, tableView } from '../table';
import { inferDefinition } from './infer';

/** CSV-like rows: every cell a string, as the server parses a pasted head of a file. */
const asText = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));

describe('inferDefinition', () => {
  it('reads a Sparkov-like sample', () => {
    const rows = generateTransactions({ cards: 60, days: 20, seed: 3 }).slice(0, 2000).map((r, i) => ({ 'Unnamed: 0': i, ...r }));
    const { definition: d, ignored, notes } = inferDefinition(rowsView(asText(rows)), { name: 'Card tx' });
    expect(EventTypeDefinitionInput.safeParse(d).success).toBe(true);
    expect(d.name).toBe('card_tx');
    expect(ignored).toEqual(expect.arrayContaining(['is_fraud', 'Unnamed: 0']));
    expect(d.fields.map((f) => f.name)).not.toContain('is_fraud');
    const f = Object.fromEntries(d.fields.map((x) => [x.name, x]));
    expect(d.idField).toBe('trans_num');
    expect(d.timeField).toBe('trans_date_trans_time');
    expect(d.amountField).toBe('amt');
    expect(f.cc_num).toMatchObject({ type: 'id', entity: 'card', sensitive: true });
    expect(f.merchant).toMatchObject({ type: 'category', entity: 'merchant' });
    expect(f.unix_time.type).toBe('timestamp');
    expect(f.dob.type).toBe('date');
    expect(f.amt.type).toBe('number');
    expect(f.category.type).toBe('category');
    expect(f.gender.type).toBe('category');
    expect(notes.join(' ')).toMatch(/card numbers/);
    expect(d.aggregates).toEqual(expect.arrayContaining([
      { entity: 'card', fn: 'count', window: '1h' }, { entity: 'card', fn: 'count', window: '24h' }, { entity: 'card', fn: 'since_last' },
      { entity: 'card', fn: 'sum', field: 'amt', window: '24h' }, { entity: 'card', fn: 'ratio_to_mean', field: 'amt' },
    ]));
    // A typed Table (numbers as numbers) reads the same.
    const typed = inferDefinition(tableView(tableFromRows(rows)), { name: 'card_tx' }).definition;
    expect(typed.fields.map((x) => [x.name, x.type])).toEqual(d.fields.map((x) => [x.name, x.type]));
  });

  it('reads a registration-like sample (no id column, epoch ms time)', () => {
    const rng = createRng(5);
    const rows = Array.from({ length: 500 }, (_, i) => ({
      ip_address: `${1 + rng.int(220)}.${rng.int(256)}.${rng.int(256)}.${rng.int(256)}`,
      email_address: `fake_user${rng.int(400)}@example.${rng.pick(['com', 'org', 'net'])}`,
      EVENT_TIMESTAMP: new Date(Date.UTC(2022, 4, 1) + i * 60_000).toISOString(),
      EVENT_LABEL: rng.next() < 0.1 ? 'fraud' : 'legit',
    }));
    const { definition: d, ignored, notes } = inferDefinition(rowsView(rows), { name: 'registration' });
    expect(EventTypeDefinitionInput.safeParse(d).success).toBe(true);
    expect(ignored).toEqual(['EVENT_LABEL']);
    expect(d.timeField).toBe('EVENT_TIMESTAMP');
    expect(d.idField).toBe('EVENT_ID');
    expect(notes.join(' ')).toMatch(/server fills/);
    const f = Object.fromEntries(d.fields.map((x) => [x.name, x]));
    expect(f.ip_address).toMatchObject({ type: 'ip', entity: 'ip' });
    expect(f.email_address).toMatchObject({ type: 'email', entity: 'email' });
    expect(d.aggregates).toContainEqual({ entity: 'email', fn: 'distinct', field: 'ip_address', window: '7d' });
    expect(d.amountField).toBeUndefined();

    const ms = inferDefinition(rowsView(rows.map((r, i) => ({ ...r, created_at: 1651363200000 + i * 1000 }))), {}).definition;
    expect(ms.fields.find((x) => x.name === 'created_at')?.type).toBe('timestamp');
  });

  it('picks the best id when none is unique, and a customer entity', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ order_id: `o${i % 250}`, customer_id: `c${i % 40}`, order_price: (i * 7) % 100, when: `2026-01-0${1 + (i % 9)} 10:00:00`, is_fraud: i % 9 ? 0 : 1 }));
    const { definition: d, notes } = inferDefinition(rowsView(asText(rows)), {});
    expect(EventTypeDefinitionInput.safeParse(d).success).toBe(true);
    expect(d.idField).toBe('order_id');
    expect(notes.join(' ')).toMatch(/No column is unique/);
    expect(d.fields.find((x) => x.name === 'customer_id')).toMatchObject({ type: 'id', entity: 'customer' });
    expect(d.amountField).toBe('order_price');
    expect(d.timeField).toBe('when');
  });

  it('uses a lone email column as the id; a unique address is not an id', () => {
    const emails = inferDefinition(rowsView(Array.from({ length: 50 }, (_, i) => ({ email: `u${i}@x.com`, label: i % 2 }))), {}).definition;
    expect(EventTypeDefinitionInput.safeParse(emails).success).toBe(true);
    expect(emails).toMatchObject({ idField: 'email', timeField: 'event_time' });
    const rows = Array.from({ length: 50 }, (_, i) => ({ email: `u${i}@x.com`, billing_address: `${i} Main St`, row_index: i, label: i % 2 }));
    const { definition: d, ignored } = inferDefinition(rowsView(rows), {});
    expect(d.idField).toBe('event_id');
    expect(ignored).toContain('row_index');
  });
});
