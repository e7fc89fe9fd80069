// Entity state rebuilt from the stored events of a type, replayed in time order with the same fold ingestion uses.
// Needed once after the migration that moved card payments and email checks from before event types into events:
// their aggregates must count that history too.
import { entityKeys, type EntityState, foldEvent } from '@/lib/ml/events/aggregates';
import type { Row } from '@/lib/ml/features';
import { db } from '../platform/db';
import { lockForTransaction } from '../platform/tx-lock';
import { definitionOf } from './event-types';
import { stateKey, writeStates } from './state';

const PAGE = 5000;
/** The migration after which the built-in types' state is rebuilt. */
export const EVENTS_MIGRATION = '20261203075659_events_hold_every_item';
const MOVED_TYPES = ['card_transaction', 'email'];

export async function rebuildEntityState(type: string): Promise<{ events: number; keys: number }> {
  const { definition } = await definitionOf(type);
  return db().$transaction(async (tx) => {
    // Ingestion of the type waits: no event lands between the replay and the write.
    await lockForTransaction(tx, `events:${type}`);
    const states = new Map<string, { entity: string; key: string; state: EntityState }>();
    let events = 0;
    let last: { occurredAt: Date; id: string } | null = null;
    for (;;) {
      const page: { id: string; occurredAt: Date; payload: unknown }[] = await tx.event.findMany({
        where: { eventType: type, ...(last ? { OR: [{ occurredAt: { gt: last.occurredAt } }, { occurredAt: last.occurredAt, id: { gt: last.id } }] } : {}) },
        orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }], take: PAGE, select: { id: true, occurredAt: true, payload: true },
      });
      for (const e of page) {
        const row = (e.payload ?? {}) as Row;
        const seconds = e.occurredAt.getTime() / 1000;
        for (const { entity, key } of entityKeys(definition, row)) {
          const k = stateKey(entity, key);
          states.set(k, { entity, key, state: foldEvent(definition, row, seconds, entity, states.get(k)?.state) });
        }
      }
      events += page.length;
      if (page.length < PAGE) break;
      last = page[page.length - 1];
    }
    await tx.entityState.deleteMany({ where: { eventType: type } });
    await writeStates(tx, type, states);
    return { events, keys: states.size };
  }, { timeout: 600_000, maxWait: 60_000 });
}

/** After `npm run db:migrate` (or start-up) applied the events migration: the moved types' state, rebuilt. */
export async function afterMigrations(applied: string[], print: (line: string) => void = () => {}) {
  if (!applied.includes(EVENTS_MIGRATION)) return;
  for (const type of MOVED_TYPES) {
    const r = await rebuildEntityState(type);
    if (r.events) print(`  ${type}: entity state rebuilt from ${r.events.toLocaleString('en')} stored events (${r.keys.toLocaleString('en')} keys)`);
  }
}
