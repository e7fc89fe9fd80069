// The reads behind the event screens (events list, event types, score tester), on a real database and engine.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEventForm, eventFromForm } from '@/lib/client/event-form';
import { definitionOfDraft, draftOf } from '@/lib/client/definition-draft';
import { generateOrders, ORDER_EVENT_TYPE, type Order } from '@/lib/demo/orders';
import { aggregateName } from '@/lib/ml/events/aggregates';
import { diffDefinitions } from '@/lib/ml/events/diff';
import { db } from '@/lib/server/platform/db';
import { getEventType, scoreEvents, searchEvents, updateEventType } from '@/lib/server/events';
import { eventCountsByType, eventTesterSetup, modelVersionNames, recentFeatures, userEmails } from '@/lib/server/events/screens';
import { ingestOrders, orderModel, timeOf } from './event-fixtures';
import { unique } from './helpers';

// The email is a sensitive entity key: every screen must show it masked.
const DEFINITION = { ...ORDER_EVENT_TYPE, fields: ORDER_EVENT_TYPE.fields.map((f) => (f.name === 'email' ? { ...f, sensitive: true } : f)) };
let type = '';
let versionId = '';
let orders: Order[] = [];

beforeAll(async () => {
  const all = generateOrders({ customers: 400, orders: 2400, bursts: 20, seed: 23 });
  ({ type, versionId, orders } = await orderModel('screens', { definition: DEFINITION, orders: all, trainDays: 20 }));
  // Past the cursor page size and the 1,000-event ingestion batch.
  await ingestOrders(type, orders);
}, 240_000);

describe('event screens', () => {
  it('counts the stored events of each type in one grouped query', async () => {
    const counts = await eventCountsByType();
    expect(counts[type]).toBe(orders.length);
    expect(counts[type]).toBe(await db().event.count({ where: { eventType: type } }));
  });

  it('lists events masked, newest first, and pages through all of them with the cursor', async () => {
    const byId = new Map(orders.map((o) => [o.order_id, o]));
    let cursor: string | undefined;
    let seen = 0;
    let last = Infinity;
    for (let page = 0; page < 100; page++) {
      const res = await searchEvents({ type, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const e of res.items) {
        const raw = byId.get(e.externalId)!;
        expect(e.payload).toMatchObject({ customer_id: raw.customer_id });
        expect((e.payload as Record<string, string>).email).not.toBe(raw.email);
        expect((e.payload as Record<string, string>).email.endsWith(raw.email.slice(-4))).toBe(true);
        expect(e.occurredAt.getTime()).toBeLessThanOrEqual(last);
        last = e.occurredAt.getTime();
      }
      seen += res.items.length;
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    expect(seen).toBe(orders.length);
  });

  it('previews aggregates from the latest events\' stored features', async () => {
    const samples = await recentFeatures(type, 20);
    expect(samples).toHaveLength(20);
    const newest = [...orders].sort((a, b) => timeOf(b) - timeOf(a))[0];
    expect(samples[0].externalId).toBe(newest.order_id);
    const names = DEFINITION.aggregates.map(aggregateName);
    for (const s of samples) expect(Object.keys(s.features).sort()).toEqual([...names].sort());
    // A customer seen before has a positive 30-day mean price.
    expect(samples.some((s) => (s.features['customer.mean_order_price_30d'] ?? 0) > 0)).toBe(true);
  });

  it('names model versions and the people who edited a definition', async () => {
    const names = await modelVersionNames([versionId, null, 'no-such-version', versionId]);
    expect(Object.keys(names)).toEqual([versionId]);
    expect(names[versionId]).toMatch(/v1 · production$/);
    const user = await db().user.create({ data: { email: `${unique('editor')}@vigil.test`, name: 'Editor', passwordHash: 'x', role: 'engineer' }, select: { id: true, email: true } });
    expect(await userEmails([user.id, null])).toEqual({ [user.id]: user.email });
  });

  it('gives the score tester a masked example whose form scores as a valid event', async () => {
    const setup = (await eventTesterSetup()).find((t) => t.name === type)!;
    expect(setup.versions.map((v) => [v.id, v.stage])).toEqual([[versionId, 'production']]);
    expect(String(setup.example!.email)).toMatch(/^\*+/);
    const form = buildEventForm(setup.definition, setup.example);
    expect(form.find((f) => f.name === 'email')!.value).toBe('');
    const event = eventFromForm(form);
    expect(event.email).toBeUndefined();
    const scored = await scoreEvents(type, { event }) as { decision: string; modelVersionId: string; probability: number };
    expect(scored.modelVersionId).toBe(versionId);
    expect(scored.probability).toBeGreaterThanOrEqual(0);
    expect(['allow', 'review', 'block']).toContain(scored.decision);
  });

  it('diffs stored versions as the history shows them', async () => {
    const draft = draftOf((await getEventType(type)).definition);
    draft.fields.push({ name: 'device', type: 'id', entity: 'device', sensitive: false });
    draft.aggregates.push({ entity: 'device', fn: 'count', field: '', window: '24h' });
    draft.fields = draft.fields.map((f) => (f.name === 'country' ? { ...f, sensitive: true } : f));
    await updateEventType(type, definitionOfDraft(draft), null);
    const t = await getEventType(type);
    expect(t.versions.map((v) => v.version)).toEqual([2, 1]);
    const d = diffDefinitions(t.versions[1].definition, t.versions[0].definition);
    expect(d).toEqual({
      fieldsAdded: ['device'], fieldsRemoved: [], fieldsChanged: [{ name: 'country', changes: ['now sensitive'] }],
      aggregatesAdded: ['device.count_24h'], aggregatesRemoved: [], settings: [],
    });
  });
});
