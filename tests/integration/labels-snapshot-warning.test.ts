// A labels snapshot with fewer than 30 labels of a class says so: metrics measured on it would be a hint, not a measurement.
import { describe, expect, it } from 'vitest';
import { ORDER_EVENT_TYPE } from '@/lib/demo/orders';
import { db } from '@/lib/server/platform/db';
import { createEventType } from '@/lib/server/events';
import { snapshotEventLabels } from '@/lib/server/events/labels-snapshot';
import { unique } from './helpers';

async function addLabelled(type: string, from: number, count: number, label: 'fraud' | 'legit') {
  await db().event.createMany({
    data: Array.from({ length: count }, (_, k) => {
      const i = from + k;
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
      return { eventType: type, typeVersion: 1, externalId: `o-${i}`, occurredAt: at, label, payload: { order_id: `o-${i}`, created_at: at.toISOString(), order_price: 10 + i, country: 'FR' } };
    }),
  });
}

describe('labels snapshot warning', () => {
  it('warns below 30 fraud labels and stops warning once both classes have 30', async () => {
    const type = unique('snapwarn').replace(/-/g, '_');
    await createEventType({ ...ORDER_EVENT_TYPE, name: type }, null);
    await addLabelled(type, 0, 12, 'fraud');
    await addLabelled(type, 100, 60, 'legit');
    const small = await snapshotEventLabels({ eventType: type }, null);
    expect(small.rowCount).toBe(72);
    expect(small.warning).toMatch(/Only 12 fraud and 60 legitimate labels/);

    await addLabelled(type, 200, 20, 'fraud');
    const enough = await snapshotEventLabels({ eventType: type }, null);
    expect(enough.rowCount).toBe(92);
    expect(enough.warning).toBeNull();
  });
});
