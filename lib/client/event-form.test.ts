import { describe, expect, it } from 'vitest';
import { CARD_TRANSACTION, PRESETS } from '@/lib/ml/events/presets';
import { buildEventForm, eventFromForm, toLocalInput } from './event-form';

describe('buildEventForm', () => {
  it('gives one input per field, id/time/amount and entity keys first, with the input type of the field type', () => {
    const form = buildEventForm(CARD_TRANSACTION, null);
    expect(form).toHaveLength(CARD_TRANSACTION.fields.length);
    expect(form.slice(0, 3).map((f) => [f.name, f.role])).toEqual([['trans_num', 'id'], ['trans_date_trans_time', 'time'], ['amt', 'amount']]);
    expect(form.slice(3, 5).map((f) => f.role)).toEqual(['entity', 'entity']);
    const byName = new Map(form.map((f) => [f.name, f]));
    expect(byName.get('amt')!.input).toBe('number');
    expect(byName.get('dob')!.input).toBe('date');
    expect(byName.get('trans_date_trans_time')!.input).toBe('datetime-local');
    expect(byName.get('cc_num')!.sensitive).toBe(true);
    for (const p of PRESETS) expect(buildEventForm(p, null).map((f) => f.name).sort()).toEqual(p.fields.map((f) => f.name).sort());
  });

  it('prefills from an example, leaving masked sensitive values blank with a hint', () => {
    const form = buildEventForm(CARD_TRANSACTION, { trans_num: 'abc', amt: 12.5, cc_num: '********1234', trans_date_trans_time: '2026-01-02 03:04:05', dob: '1980-05-06' });
    const byName = new Map(form.map((f) => [f.name, f]));
    expect(byName.get('trans_num')!.value).toBe('abc');
    expect(byName.get('amt')!.value).toBe('12.5');
    expect(byName.get('cc_num')!.value).toBe('');
    expect(byName.get('cc_num')!.hint).toMatch(/masked/);
    expect(byName.get('trans_date_trans_time')!.value).toBe('2026-01-02T03:04:05');
    expect(byName.get('dob')!.value).toBe('1980-05-06');
    expect(byName.get('city')!.value).toBe('');
  });

  it('turns the form back into the event the API takes', () => {
    const form = buildEventForm(CARD_TRANSACTION, { trans_num: 'abc', amt: '12.50', trans_date_trans_time: 1767323045, merchant: 'shop' });
    const event = eventFromForm(form);
    expect(event).toEqual({ trans_num: 'abc', amt: 12.5, trans_date_trans_time: '2026-01-02T03:04:05Z', merchant: 'shop' });
  });
});

describe('toLocalInput', () => {
  it('reads ISO text, epoch seconds and milliseconds as UTC', () => {
    expect(toLocalInput('2026-01-02T03:04:05Z')).toBe('2026-01-02T03:04:05');
    expect(toLocalInput('2026-01-02T05:04:05+02:00')).toBe('2026-01-02T03:04:05');
    expect(toLocalInput(1767323045)).toBe('2026-01-02T03:04:05');
    expect(toLocalInput(1767323045000)).toBe('2026-01-02T03:04:05');
    expect(toLocalInput('nonsense')).toBe('');
    expect(toLocalInput(null)).toBe('');
  });
});

describe('definition drafts', () => {
  it('round-trips every preset through the editor draft unchanged', async () => {
    const { draftOf, definitionOfDraft } = await import('./definition-draft');
    for (const p of PRESETS) expect(definitionOfDraft(draftOf(p))).toEqual(JSON.parse(JSON.stringify(p)));
  });

  it('drops blank optional inputs and trims names', async () => {
    const { definitionOfDraft, emptyDraft, draftEntities } = await import('./definition-draft');
    const d = { ...emptyDraft(), name: ' shop_order ', label: ' ' };
    d.fields.push({ name: ' buyer ', type: 'id', entity: ' buyer ', sensitive: false });
    d.aggregates.push({ entity: 'buyer', fn: 'count', field: '', window: '24h' });
    expect(definitionOfDraft(d)).toEqual({
      name: 'shop_order', idField: 'event_id', timeField: 'event_time',
      fields: [{ name: 'event_id', type: 'id' }, { name: 'event_time', type: 'timestamp' }, { name: 'buyer', type: 'id', entity: 'buyer' }],
      aggregates: [{ entity: 'buyer', fn: 'count', window: '24h' }],
    });
    expect(draftEntities(d)).toEqual(['buyer']);
  });
});

describe('typeNameFromFile', () => {
  it('suggests a valid type name from a file name, or none', async () => {
    const { typeNameFromFile } = await import('./definition-draft');
    expect(typeNameFromFile('Shop Orders 2024.csv')).toBe('shop_orders_2024');
    expect(typeNameFromFile('2024-orders.csv')).toBe('orders');
    expect(typeNameFromFile('x.csv')).toBeUndefined();
    expect(typeNameFromFile('日本.csv')).toBeUndefined();
    expect(typeNameFromFile(`${'a'.repeat(80)}.csv`)).toHaveLength(41);
  });
});
