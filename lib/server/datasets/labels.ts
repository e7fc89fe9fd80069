// Labelled transactions as rows (retraining); the streamed snapshot into a dataset version is labels-snapshot.ts.
import { LEGACY_KIND_TYPES } from '@/lib/schemas/scope';
import { db } from '../platform/db';

const PAGE = 5000;
export const labelsDatasetName = (kind: string) => `labels-${kind}`;

/** Every labelled card transaction as a Sparkov row with is_fraud from its label, oldest first. */
export async function labelledTransactionRows(since?: Date): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  // Paged by id so a large table is never fetched in one query.
  for (;;) {
    const page = await db().event.findMany({
      // Card payments only: email checks are events of their own type.
      where: { eventType: LEGACY_KIND_TYPES.transaction, label: { in: ['fraud', 'legit'] }, ...(since ? { labelledAt: { gt: since } } : {}) },
      orderBy: { id: 'asc' },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, externalId: true, occurredAt: true, payload: true, label: true },
    });
    for (const t of page) {
      const payload = t.payload && typeof t.payload === 'object' && !Array.isArray(t.payload) ? (t.payload as Record<string, unknown>) : {};
      // The payload holds the Sparkov columns; the id and time fall back to the transaction's own fields.
      const row: Record<string, unknown> = { ...payload, trans_num: payload.trans_num ?? t.externalId, unix_time: payload.unix_time ?? Math.floor(t.occurredAt.getTime() / 1000) };
      row.is_fraud = t.label === 'fraud' ? 1 : 0;
      rows.push(row);
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1].id;
  }
  return rows.sort((a, b) => Number(a.unix_time) - Number(b.unix_time));
}
