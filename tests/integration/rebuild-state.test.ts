// Entity state rebuilt from stored events equals the state ingestion kept online, key by key and exactly, so the
// events moved in by the migration count in later aggregates as if they had been ingested.
import { describe, expect, it } from 'vitest';
import { generateOrders, ORDER_EVENT_TYPE } from '@/lib/demo/orders';
import { createEventType } from '@/lib/server/events';
import { afterMigrations, EVENTS_MIGRATION, rebuildEntityState } from '@/lib/server/events/rebuild-state';
import { fromExactJson } from '@/lib/server/events/state';
import { db } from '@/lib/server/platform/db';
import { ingestOrders } from './event-fixtures';
import { unique } from './helpers';

async function statesOf(type: string) {
  const rows = await db().entityState.findMany({ where: { eventType: type }, select: { entity: true, key: true, state: true } });
  return new Map(rows.map((r) => [`${r.entity}:${r.key}`, fromExactJson<unknown>(r.state)]));
}

describe('entity state rebuilt from stored events', () => {
  it('equals the online state of 6,000 orders (and their bursts) ingested, after it was lost', { timeout: 180_000 }, async () => {
    const type = unique('rebuild').replace(/-/g, '_');
    await createEventType({ ...ORDER_EVENT_TYPE, name: type }, null);
    await ingestOrders(type, generateOrders({ customers: 800, orders: 6000, bursts: 60, seed: 41 }));
    const online = await statesOf(type);
    expect(online.size).toBeGreaterThan(800);

    await db().entityState.deleteMany({ where: { eventType: type } });
    const r = await rebuildEntityState(type);
    const stored = await db().event.count({ where: { eventType: type } });
    expect(stored).toBeGreaterThanOrEqual(6000);
    expect(r).toEqual({ events: stored, keys: online.size });
    const rebuilt = await statesOf(type);
    expect([...rebuilt.keys()].sort()).toEqual([...online.keys()].sort());
    for (const [key, state] of online) expect(rebuilt.get(key), key).toEqual(state);
  });

  it('runs after migrations only when the events migration was applied', async () => {
    const lines: string[] = [];
    await afterMigrations(['20261121120652_init'], (l) => lines.push(l));
    expect(lines).toEqual([]);
    await afterMigrations([EVENTS_MIGRATION], (l) => lines.push(l));
    // The shared test database holds card payments from other tests: their state is rebuilt and said.
    const cards = await db().event.count({ where: { eventType: 'card_transaction' } });
    expect(lines.some((l) => l.includes('card_transaction'))).toBe(cards > 0);
  });
});
