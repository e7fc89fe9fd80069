import { describe, expect, it } from 'vitest';
import { generateOrders, ORDER_EVENT_TYPE } from '../../demo/orders';
import { toEventSeconds } from '../features/values';
import { rowsView, type Table, tableFromRows, tableView } from '../table';
import {
  aggregateColumns, aggregateName, aggregateValues, DISTINCT_CAP, type EntityState, entityKeys, foldEvent, hash32,
  replayAggregates,
} from './aggregates';
import { describeAggregate } from './describe';
import type { AggregateDef, EventTypeDefinition } from './definition';

const def = (aggregates: AggregateDef[]): EventTypeDefinition => ({
  name: 'orders', idField: 'id', timeField: 'time', amountField: 'price',
  fields: [
    { name: 'id', type: 'id' }, { name: 'time', type: 'timestamp' }, { name: 'customer', type: 'id', entity: 'customer' },
    { name: 'email', type: 'email', entity: 'email' }, { name: 'bin', type: 'category' }, { name: 'price', type: 'number' },
  ],
  aggregates,
});

/** Folds events (already in time order) one by one; returns each one's values before folding. */
function live(d: EventTypeDefinition, events: Record<string, unknown>[]): number[][] {
  const store = new Map<string, EntityState>();
  return events.map((e) => {
    const t = toEventSeconds(e[d.timeField]);
    const vals = aggregateValues(d, e, t, (ent, key) => store.get(`${ent}|${key}`));
    for (const k of entityKeys(d, e)) {
      const id = `${k.entity}|${k.key}`;
      // Through JSON, as the database stores it.
      store.set(id, JSON.parse(JSON.stringify(foldEvent(d, e, t, k.entity, store.get(id)))));
    }
    return vals;
  });
}

describe('aggregate names and keys', () => {
  it('names aggregates as the server expects', () => {
    expect(aggregateName({ entity: 'customer', fn: 'count', window: '24h' })).toBe('customer.count_24h');
    expect(aggregateName({ entity: 'customer', fn: 'sum', field: 'order_price', window: '24h' })).toBe('customer.sum_order_price_24h');
    expect(aggregateName({ entity: 'email', fn: 'distinct', field: 'card_bin', window: '7d' })).toBe('email.distinct_card_bin_7d');
    expect(aggregateName({ entity: 'card', fn: 'since_last' })).toBe('card.since_last');
    expect(aggregateName({ entity: 'card', fn: 'ratio_to_mean', field: 'amt' })).toBe('card.ratio_to_mean_amt');
  });
  it('gives one key per entity field with a value', () => {
    const d = def([]);
    expect(entityKeys(d, { customer: ' c1 ', email: '' })).toEqual([{ entity: 'customer', field: 'customer', key: 'c1' }]);
    expect(entityKeys(d, { customer: 42, email: 'a@b.co' }).map((k) => k.key)).toEqual(['42', 'a@b.co']);
  });
  it('reads event times as ISO, epoch seconds or epoch milliseconds', () => {
    expect(toEventSeconds('2026-01-01T00:00:00Z')).toBe(1767225600);
    expect(toEventSeconds(1767225600)).toBe(1767225600);
    expect(toEventSeconds(1767225600123)).toBeCloseTo(1767225600.123, 6);
    expect(toEventSeconds('1767225600123')).toBeCloseTo(1767225600.123, 6);
    expect(toEventSeconds('')).toBeNaN();
  });
});

describe('the reducer', () => {
  it('counts within bucket-granular windows (start in (t − window, t])', () => {
    const d = def([{ entity: 'customer', fn: 'count', window: '1h' }, { entity: 'customer', fn: 'count', window: '10m' }]);
    // 1h buckets are 5 minutes wide: the events at 0 s and 299 s share the bucket starting at 0.
    const vals = live(d, [0, 299, 3599, 3600, 3900, 3900].map((time) => ({ customer: 'c', time })));
    expect(vals.map((v) => v[0])).toEqual([0, 1, 2, 1, 2, 3]);
    // 10m buckets are 1 minute wide: at 3900 the bucket of 3599 (start 3540) is inside (3300, 3900].
    expect(vals.map((v) => v[1])).toEqual([0, 1, 0, 1, 2, 3]);
  });
  it('sums, averages and takes the max of a number field, skipping blanks', () => {
    const d = def([
      { entity: 'customer', fn: 'sum', field: 'price', window: '24h' }, { entity: 'customer', fn: 'mean', field: 'price', window: '24h' },
      { entity: 'customer', fn: 'max', field: 'price', window: '24h' },
    ]);
    const vals = live(d, [{ price: 10 }, { price: '' }, { price: '30' }, { price: 5 }, { price: 1 }].map((e, i) => ({ ...e, customer: 'c', time: i * 3600 * 10 })));
    expect(vals[0][0]).toBe(0);
    expect(vals[0][1]).toBeNaN();
    expect(vals[0][2]).toBeNaN();
    expect(vals[2]).toEqual([10, 10, 10]);
    // At 30 h the event at 0 h has left the 24 h window.
    expect(vals[3]).toEqual([30, 30, 30]);
    expect(vals[4]).toEqual([35, 17.5, 30]);
  });
  it('counts distinct values in the window, exactly up to the cap', () => {
    const d = def([{ entity: 'email', fn: 'distinct', field: 'bin', window: '7d' }, { entity: 'email', fn: 'distinct', field: 'bin', window: '1h' }]);
    // 250 values in the first hour, then only 'x' and 'y' for two hours.
    const ev = Array.from({ length: 300 }, (_, i) => ({ email: 'a@b.co', bin: String(i % 250), time: i * 10 }))
      .concat(Array.from({ length: 40 }, (_, i) => ({ email: 'a@b.co', bin: i % 2 ? 'x' : 'y', time: 3600 + i * 180 })));
    const vals = live(d, ev);
    expect(vals[3]).toEqual([3, 3]);
    expect(vals[299]).toEqual([DISTINCT_CAP, DISTINCT_CAP]);
    expect(vals[339]).toEqual([DISTINCT_CAP, 2]);
    expect(hash32('a')).toBe(0xe40c292c);
  });
  it('since_last and ratio_to_mean (lifetime and windowed)', () => {
    const d = def([
      { entity: 'customer', fn: 'since_last' }, { entity: 'customer', fn: 'ratio_to_mean', field: 'price' },
      { entity: 'customer', fn: 'ratio_to_mean', field: 'price', window: '1h' },
    ]);
    const vals = live(d, [{ price: 10, time: 0 }, { price: 30, time: 180 }, { price: 40, time: 7200 }].map((e) => ({ ...e, customer: 'c' })));
    expect(vals[0].every(Number.isNaN)).toBe(true);
    expect(vals[1]).toEqual([180, 3, 3]);
    expect(vals[2][0]).toBe(7020);
    expect(vals[2][1]).toBe(2);
    expect(vals[2][2]).toBeNaN();
  });
  it('is NaN without a key or a time; keeps prev untouched; stays small for a hot key', () => {
    const d = def([{ entity: 'customer', fn: 'count', window: '1h' }, { entity: 'customer', fn: 'distinct', field: 'bin', window: '30d' }]);
    expect(aggregateValues(d, { time: 5 }, 5, () => undefined)[0]).toBeNaN();
    expect(aggregateValues(d, { customer: 'c' }, NaN, () => undefined)[0]).toBeNaN();
    const s1 = foldEvent(d, { customer: 'c', bin: 'x' }, 100, 'customer', undefined);
    const copy = JSON.stringify(s1);
    foldEvent(d, { customer: 'c', bin: 'y' }, 200, 'customer', s1);
    expect(JSON.stringify(s1)).toBe(copy);
    let s: EntityState | undefined;
    for (let i = 0; i < 6000; i++) s = foldEvent(d, { customer: 'c', bin: String(i % 50) }, i * 600, 'customer', s);
    expect(s!.n).toBe(6000);
    expect(s!.w['1h']!.length).toBeLessThanOrEqual(12);
    expect(s!.w['30d']!.length).toBeLessThanOrEqual(30);
    expect(JSON.stringify(s).length).toBeLessThan(20000);
  });
  it('describes aggregates in words', () => {
    const d = def([]);
    expect(describeAggregate(d, { entity: 'customer', fn: 'count', window: '24h' }, 14)).toBe('14 events from this customer in the last 24 hours');
    expect(describeAggregate(d, { entity: 'email', fn: 'distinct', field: 'card_bin', window: '7d' }, 5)).toBe('card_bin: 5 distinct values for this email in 7 days');
    expect(describeAggregate(d, { entity: 'card', fn: 'since_last' }, 180)).toBe("3 minutes since this card's previous event");
    expect(describeAggregate(d, { entity: 'card', fn: 'since_last' }, NaN)).toBe('first event seen for this card');
    expect(describeAggregate(d, { entity: 'customer', fn: 'ratio_to_mean', field: 'order_price' }, 4.2)).toBe("order_price 4.2× this customer's usual");
    expect(describeAggregate(d, { entity: 'customer', fn: 'sum', field: 'price', window: '1h' }, 1250)).toBe('price totals 1,250.00 for this customer in the last hour');
  });
});

describe('replay equals live', () => {
  it('gives the same numbers as folding 20k events one by one (hot entity included)', () => {
    const orders = generateOrders({ customers: 800, orders: 14000, bursts: 300, hot: 4000, time: 'mixed', seed: 11 });
    expect(orders.length).toBeGreaterThan(19000);
    const d = ORDER_EVENT_TYPE;
    const replayed = replayAggregates(d, tableView(tableFromRows(orders)));
    const t = orders.map((o) => toEventSeconds(o.created_at));
    const order = orders.map((_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
    const liveVals = live(d, order.map((i) => orders[i]));
    const liveCols = aggregateColumns(liveVals, d.aggregates.length);
    d.aggregates.forEach((_, k) => {
      const want = new Float64Array(orders.length);
      order.forEach((i, j) => { want[i] = liveCols[k][j]; });
      expect(replayed[k], aggregateName(d.aggregates[k])).toEqual(want);
    });
    // The hot key really is hot and the windows saw bursts.
    const guest = order.filter((i) => orders[i].customer_id === 'guest').pop()!;
    expect(replayed[1][guest]).toBeGreaterThan(50);
    expect(Math.max(...replayed[0].filter((_, i) => orders[i].is_fraud === 1).slice(0, 1000))).toBeGreaterThanOrEqual(2);
    // Rows as objects replay the same as a Table.
    expect(replayAggregates(d, rowsView(orders))[7]).toEqual(replayed[7]);
  });

  it('agrees with live for two fields of one entity, blank keys and rows without a time', () => {
    const d: EventTypeDefinition = {
      name: 'transfer', idField: 'id', timeField: 'time',
      fields: [{ name: 'id', type: 'id' }, { name: 'time', type: 'number' }, { name: 'from', type: 'email', entity: 'email' }, { name: 'to', type: 'email', entity: 'email' }, { name: 'amt', type: 'number' }],
      aggregates: [{ entity: 'email', fn: 'count', window: '1h' }, { entity: 'email', fn: 'distinct', field: 'to', window: '24h' }, { entity: 'email', fn: 'ratio_to_mean', field: 'amt' }, { entity: 'email', fn: 'since_last' }],
    };
    const who = ['a@x.io', 'b@x.io', 'c@x.io', ''];
    let x = 7;
    const rnd = (k: number) => (x = (x * 48271) % 2147483647) % k;
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: i, time: rnd(50) === 0 ? '' : 1e9 + rnd(20000), from: who[rnd(4)], to: who[rnd(4)], amt: rnd(100) }));
    const replayed = replayAggregates(d, rowsView(rows));
    const t = rows.map((r) => toEventSeconds(r.time));
    const timed = rows.map((_, i) => i).filter((i) => Number.isFinite(t[i])).sort((a, b) => t[a] - t[b] || a - b);
    const liveVals = live(d, timed.map((i) => rows[i]));
    timed.forEach((i, j) => expect(replayed.map((c) => c[i])).toEqual(liveVals[j]));
    const untimed = rows.findIndex((r) => r.time === '');
    expect(replayed.every((c) => Number.isNaN(c[untimed]))).toBe(true);
  });

  it('replays 500k typed rows', () => {
    const n = 500_000;
    const time = new Float64Array(n), price = new Float64Array(n), cust = new Uint32Array(n), bin = new Uint32Array(n);
    // Plus a key seen once per row (one-off devices): replay memory must not grow with the number of keys.
    const device = Uint32Array.from({ length: n }, (_, i) => i + 1), deviceDict = [''].concat(Array.from({ length: n }, (_, i) => `d${i}`));
    const custDict = [''].concat(Array.from({ length: 20000 }, (_, i) => `c${i}`));
    const binDict = [''].concat(Array.from({ length: 500 }, (_, i) => String(400000 + i)));
    let x = 1;
    const rnd = () => ((x = (x * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < n; i++) {
      time[i] = 1.7e9 + Math.floor(rnd() * 30 * 86400);
      price[i] = rnd() < 0.02 ? NaN : Math.round(rnd() * 10000) / 100;
      cust[i] = i % 10 === 0 ? 1 : 1 + Math.floor(rnd() * 20000);
      bin[i] = 1 + Math.floor(rnd() * 500);
    }
    const table: Table = {
      kind: 'table', nRows: n, names: ['time', 'customer', 'bin', 'price', 'device'],
      columns: [
        { type: 'number', values: time }, { type: 'text', codes: cust, dict: custDict }, { type: 'text', codes: bin, dict: binDict },
        { type: 'number', values: price }, { type: 'text', codes: device, dict: deviceDict },
      ],
    };
    const base = def([]);
    const d = def([
      { entity: 'customer', fn: 'count', window: '1h' }, { entity: 'customer', fn: 'count', window: '24h' },
      { entity: 'customer', fn: 'since_last' }, { entity: 'customer', fn: 'sum', field: 'price', window: '24h' },
      { entity: 'customer', fn: 'ratio_to_mean', field: 'price' }, { entity: 'customer', fn: 'distinct', field: 'bin', window: '7d' },
      { entity: 'device', fn: 'count', window: '24h' },
    ]);
    d.fields = [...base.fields, { name: 'device', type: 'id', entity: 'device' }];
    const cols = replayAggregates(d, tableView(table));
    expect(cols).toHaveLength(7);
    expect(cols[6].every((v) => v === 0)).toBe(true);
    expect(cols[0]).toHaveLength(n);
    // c0 holds a tenth of all rows: about 69 of them per hour.
    let hot = 0;
    for (let i = n - 1000; i < n; i++) if (cust[i] === 1) hot = Math.max(hot, cols[0][i]);
    expect(hot).toBeGreaterThan(30);
    expect(cols[5].some((v) => v >= DISTINCT_CAP)).toBe(true);
  });
});
