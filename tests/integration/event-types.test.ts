// Event types end to end over the route handlers, with a type no other test knows: marketplace orders.
import { describe, expect, it } from 'vitest';
import * as eventTypeOne from '@/app/api/event-types/[name]/route';
import * as eventTypes from '@/app/api/event-types/route';
import { params, request, tokenFor, unique } from './helpers';

const typeName = `mkt_${unique('o').slice(2).replace(/-/g, '_')}`;

/** marketplace_order: buyer and email entities, an amount, a category; a fraud signal lives in the aggregates. */
export function orderDefinition(name = typeName) {
  return {
    name,
    label: 'Marketplace order',
    idField: 'order_id',
    timeField: 'placed_at',
    amountField: 'order_price',
    fields: [
      { name: 'order_id', type: 'id' },
      { name: 'placed_at', type: 'timestamp' },
      { name: 'buyer_id', type: 'id', entity: 'buyer' },
      { name: 'buyer_email', type: 'email', entity: 'email', sensitive: true },
      { name: 'ip', type: 'ip' },
      { name: 'card_bin', type: 'category' },
      { name: 'order_price', type: 'number' },
      { name: 'product_category', type: 'category' },
    ],
    aggregates: [
      { entity: 'buyer', fn: 'count', window: '1h' },
      { entity: 'buyer', fn: 'sum', field: 'order_price', window: '24h' },
      { entity: 'buyer', fn: 'since_last' },
      { entity: 'email', fn: 'distinct', field: 'card_bin', window: '7d' },
    ],
  };
}

const post = (token: string, body: unknown) => eventTypes.POST(request('POST', '/api/event-types', { token, body: body as object }), params({}));

describe('event types API', () => {
  it('defines, reads and edits a type; every role reads, only engineers and admins write', async () => {
    const [engineer, analyst, viewer] = await Promise.all([tokenFor('engineer'), tokenFor('analyst'), tokenFor('viewer')]);
    const name = `${typeName}_crud`;
    expect((await post(analyst, orderDefinition(name))).status).toBe(403);
    const created = await post(engineer, orderDefinition(name));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name, currentVersion: 1, builtIn: false, versions: [{ version: 1 }] });

    const list = await eventTypes.GET(request('GET', '/api/event-types', { token: viewer }), params({}));
    expect(list.status).toBe(200);
    expect(((await list.json()).items as { name: string }[]).map((t) => t.name)).toContain(name);

    const edited = { ...orderDefinition(name), aggregates: [...orderDefinition(name).aggregates, { entity: 'buyer', fn: 'max', field: 'order_price', window: '7d' }] };
    const put = await eventTypeOne.PUT(request('PUT', `/api/event-types/${name}`, { token: engineer, body: edited }), params({ name }));
    expect(put.status).toBe(200);
    const detail = await put.json();
    expect(detail.currentVersion).toBe(2);
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // The same definition again is not a new version.
    const again = await eventTypeOne.PUT(request('PUT', `/api/event-types/${name}`, { token: engineer, body: edited }), params({ name }));
    expect((await again.json()).currentVersion).toBe(2);
    const got = await eventTypeOne.GET(request('GET', `/api/event-types/${name}`, { token: viewer }), params({ name }));
    expect((await got.json()).definition.aggregates).toHaveLength(5);
  });

  it('refuses bad definitions with 400 naming the field, a name clash with 409, an unknown type with 404', async () => {
    const engineer = await tokenFor('engineer');
    const base = orderDefinition(`${typeName}_bad`);
    const dupField = { ...base, fields: [...base.fields, { name: 'ip', type: 'ip' }] };
    const r1 = await post(engineer, dupField);
    expect(r1.status).toBe(400);
    expect(Object.keys((await r1.json()).error.fields)).toContain('fields.8.name');

    const nonNumeric = { ...base, aggregates: [{ entity: 'buyer', fn: 'sum', field: 'product_category', window: '24h' }] };
    const r2 = await post(engineer, nonNumeric);
    expect(r2.status).toBe(400);
    expect((await r2.json()).error.fields['aggregates.0.field'][0]).toMatch(/number field/);

    const noId = { ...base, idField: 'nope' };
    const r3 = await post(engineer, noId);
    expect(r3.status).toBe(400);
    expect((await r3.json()).error.fields).toHaveProperty('idField');

    expect((await post(engineer, base)).status).toBe(201);
    const clash = await post(engineer, base);
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.fields).toHaveProperty('name');

    const missing = await eventTypeOne.GET(request('GET', '/api/event-types/no_such_type', { token: engineer }), params({ name: 'no_such_type' }));
    expect(missing.status).toBe(404);
    const rename = await eventTypeOne.PUT(request('PUT', `/api/event-types/${base.name}`, { token: engineer, body: { ...base, name: 'other_name' } }), params({ name: base.name }));
    expect(rename.status).toBe(400);
  });
});
