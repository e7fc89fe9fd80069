import { describe, expect, it } from 'vitest';
import { generateOrders, ORDER_EVENT_TYPE } from '../../demo/orders';
import { featurize, fitFeaturizer, missingColumns } from '../features/index';
import { toEventSeconds } from '../features/values';
import { rocAuc } from '../metrics';
import { loadModel, trainModel } from '../model';
import { tableFromRows } from '../table';
import { aggregateColumns, aggregateValues, type EntityState, entityKeys, foldEvent } from './aggregates';
import type { EventTypeDefinition } from './definition';

const orders = generateOrders({ customers: 1500, orders: 9000, bursts: 220, seed: 21 });
const byTime = orders.map((_, i) => i).sort((a, b) => toEventSeconds(orders[a].created_at) - toEventSeconds(orders[b].created_at) || a - b);

describe('event featuriser', () => {
  it('types fields from the definition and appends the aggregates', () => {
    const spec = fitFeaturizer('event', orders, { labelColumn: 'is_fraud', eventType: ORDER_EVENT_TYPE });
    if (spec.kind !== 'event') throw new Error('kind');
    const cols = Object.fromEntries(spec.event.tabular.columns.map((c) => [c.name, c.type]));
    expect(cols).toEqual({ created_at: 'datetime', email: 'email', ip: 'ip', card_bin: 'categorical', order_price: 'numeric', country: 'categorical' });
    expect(spec.event.tabular.dropped.map((d) => d.name)).toEqual(['order_id', 'customer_id']);
    const X = featurize(JSON.parse(JSON.stringify(spec)), tableFromRows(orders.slice(0, 50)));
    expect(X.names.slice(-ORDER_EVENT_TYPE.aggregates.length)).toEqual(spec.event.aggregates);
    expect(X.names).toContain('customer.count_1h');
    expect(() => featurize(spec, orders.slice(0, 5), { aggregates: [[1]] })).toThrow(/aggregate columns/);
    expect(() => fitFeaturizer('event', orders)).toThrow(/definition/);
    // An event may leave an optional field out: it reads as missing. Only the time is required.
    const P = featurize(spec, orders.slice(0, 5).map((o) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'country'))));
    expect(Array.from(P.columns[P.names.indexOf('country')]).every(Number.isNaN)).toBe(true);
    expect(missingColumns(spec, ['order_id'])).toEqual(['created_at']);
  });

  it('learns from aggregates; live aggregates score exactly like a replay', async () => {
    const common = { rows: tableFromRows(orders), labelColumn: 'is_fraud', algorithm: 'gbdt' as const, params: { rounds: 120 }, seed: 3 };
    const withAggs = await trainModel({ ...common, kind: 'event', featureOptions: { eventType: ORDER_EVENT_TYPE } });
    const bare: EventTypeDefinition = { ...ORDER_EVENT_TYPE, aggregates: [] };
    const without = await trainModel({ ...common, kind: 'event', featureOptions: { eventType: bare } });
    await expect(trainModel({ ...common, kind: 'event' })).rejects.toThrow(/event type definition/);
    expect(withAggs.training.split).toBe('time');
    expect(withAggs.training.timestampColumn).toBe('created_at');
    expect(withAggs.metrics.rocAuc).toBeGreaterThan(0.9);
    expect(withAggs.metrics.rocAuc).toBeGreaterThan(without.metrics.rocAuc! + 0.1);

    // The server's path: fold history event by event, value the newest events from stored state.
    const model = loadModel(JSON.parse(JSON.stringify(withAggs)));
    const def = ORDER_EVENT_TYPE;
    const store = new Map<string, EntityState>();
    const recent = byTime.slice(-400);
    const live: number[][] = [];
    for (const i of byTime) {
      const e = orders[i], t = toEventSeconds(e.created_at);
      if (recent.includes(i)) live.push(JSON.parse(JSON.stringify(aggregateValues(def, e, t, (en, k) => store.get(`${en}|${k}`)))));
      for (const k of entityKeys(def, e)) store.set(`${k.entity}|${k.key}`, foldEvent(def, e, t, k.entity, store.get(`${k.entity}|${k.key}`)));
    }
    const rows = recent.map((i) => orders[i]);
    const pLive = model.scoreRows(rows, { aggregates: aggregateColumns(live, def.aggregates.length) });
    const pAll = model.scoreRows(tableFromRows(orders));
    expect(Array.from(pLive)).toEqual(recent.map((i) => pAll[i]));
    // Without stored state the same rows replayed on their own lose their history: scores differ.
    expect(Array.from(model.scoreRows(rows))).not.toEqual(Array.from(pLive));

    const y = Uint8Array.from(rows, (r) => r.is_fraud);
    expect(rocAuc(y, pLive)).toBeGreaterThan(0.85);
    // Reasons for a burst order read as words.
    const k = rows.findIndex((r, j) => r.is_fraud === 1 && live[j][0] >= 2);
    const ex = model.explainRow(rows[k], { aggregates: live[k].map((v) => [v]) });
    expect(ex.probability).toBeCloseTo(pLive[k], 12);
    expect(ex.reasons.map((r) => r.text).join(' | ')).toMatch(/events? from this customer|since this customer's previous event|distinct values? for this email/);
  });
});
