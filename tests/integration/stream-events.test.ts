// JetStream on 127.0.0.1:4222: events published on <prefix>.<type> are validated against the type, stored with
// their aggregates like POST /api/events/{type}; unknown types and invalid records are dead-lettered.
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrders, ORDER_EVENT_TYPE } from '@/lib/demo/orders';
import { db } from '@/lib/server/platform/db';
import { createEventType } from '@/lib/server/events';
import { fromExactJson } from '@/lib/server/events/state';
import { eventSinkFor } from '@/lib/server/events/stream-sink';
import { startStreamConsumer } from '@/lib/server/platform/stream';
import { unique, waitFor, closeTestStream } from './helpers';

const NATS_URL = process.env.VIGIL_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const suffix = unique('ev').replace(/\W/g, '_');
const prefix = `vigil.test.${suffix}`;
const type = `orders_${suffix.slice(-8)}`;
const options = { url: NATS_URL, stream: `VIGIL_TEST_${suffix}`, subject: `${prefix}.>`, durable: `vigil-test-${suffix}`, sinkFor: eventSinkFor(prefix) };
const orders = generateOrders({ customers: 30, orders: 60, bursts: 2, seed: 5 }).slice(0, 40).map((o, i) => ({ ...o, order_id: `${suffix}-${i}` }));
let nc: NatsConnection;
let consumer: { stop(): Promise<void> } | undefined;

beforeAll(async () => {
  await createEventType({ ...ORDER_EVENT_TYPE, name: type }, null);
  nc = await connect({ servers: NATS_URL });
  consumer = await startStreamConsumer(options);
});

afterAll(() => closeTestStream(nc, consumer, options.stream));

describe('JetStream events of any type', () => {
  it('stores published events with their aggregates and dead-letters unknown types and invalid records', async () => {
    const js = nc.jetstream();
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    for (const o of orders.slice(0, 10)) await js.publish(`${prefix}.${type}`, enc(o));
    await js.publish(`${prefix}.${type}`, enc({ events: orders.slice(10, 40) }));
    await js.publish(`${prefix}.no_such_type`, enc(orders[0]));
    await js.publish(`${prefix}.${type}`, enc({ ...orders[0], order_id: `${suffix}-bad`, email: 'not an address' }));
    const ids = orders.map((o) => o.order_id);
    await waitFor(() => db().event.count({ where: { eventType: type, externalId: { in: ids } } }), (n) => n === 40);
    await waitFor(() => db().deadLetter.count({ where: { source: { startsWith: `nats:${prefix}` } } }), (n) => n === 2);

    const stored = await db().event.findMany({ where: { eventType: type }, select: { externalId: true, features: true } });
    expect(stored).toHaveLength(40);
    expect(stored.every((e) => 'customer.count_24h' in fromExactJson<Record<string, number | null>>(e.features))).toBe(true);
    const letters = await db().deadLetter.findMany({ where: { source: { startsWith: `nats:${prefix}` } }, orderBy: { createdAt: 'asc' } });
    expect(letters.map((l) => l.reason).join('\n')).toMatch(/There is no event type 'no_such_type'/);
    expect(letters.map((l) => l.reason).join('\n')).toMatch(/1 of 1 events are invalid \(record 0, email: /);
    expect(await db().event.count({ where: { externalId: `${suffix}-bad` } })).toBe(0);
  });
});
