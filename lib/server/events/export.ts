// CSV export of one event type's events: fixed columns, then the fields of the type's current definition.
// Sensitive fields go through the same mask as every other read path; csvDownload neutralises formula-like cells.
import type { EventExportQuery } from '@/lib/schemas/events';
import { db } from '../platform/db';
import { definitionOf } from './event-types';
import { eventWhere, maskAll } from './search';

const BATCH = 1000;
const FIXED = ['id', 'external_id', 'occurred_at', 'amount', 'score', 'decision', 'label', 'type_version'];

/** The columns (known before any row, so an unknown type is a 404 and not a broken stream) and the row batches. */
export async function exportEvents(q: EventExportQuery) {
  const { definition } = await definitionOf(q.type);
  const fields = definition.fields.map((f) => f.name).filter((n) => !FIXED.includes(n));
  const where = eventWhere(q);
  async function* batches(): AsyncGenerator<Record<string, unknown>[]> {
    let cursor: string | undefined;
    for (;;) {
      const page = await db().event.findMany({
        where, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }], take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: { id: true, eventType: true, typeVersion: true, externalId: true, occurredAt: true, amount: true, score: true, decision: true, label: true, payload: true },
      });
      if (!page.length) return;
      yield (await maskAll(page)).map((e) => {
        const p = e.payload as Record<string, unknown>;
        const fixed = { id: e.id, external_id: e.externalId, occurred_at: e.occurredAt.toISOString(), amount: e.amount, score: e.score, decision: e.decision, label: e.label, type_version: e.typeVersion };
        return { ...Object.fromEntries(fields.map((f) => [f, p[f] ?? null])), ...fixed };
      });
      if (page.length < BATCH) return;
      cursor = page.at(-1)!.id;
    }
  }
  return { columns: [...FIXED, ...fields], batches: batches() };
}
