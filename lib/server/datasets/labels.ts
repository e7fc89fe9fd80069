// The "labels" source: every labelled transaction, as a new version of the labels-transaction dataset.
import { SPARKOV_COLUMNS } from '@/lib/demo';
import type { ImportedVersion, SnapshotLabelsInput } from '@/lib/schemas/datasets';
import { db } from '../db';
import type { Principal } from '../principal';
import { prepareRows, storeVersion, unprocessable } from './store';

const PAGE = 5000;
export const labelsDatasetName = (kind: string) => `labels-${kind}`;

/** Every labelled card transaction as a Sparkov row with is_fraud from its label, oldest first. */
export async function labelledTransactionRows(since?: Date): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  // Paged by id so a large table is never fetched in one query.
  for (;;) {
    const page = await db().transaction.findMany({
      // Card transactions only: email checks saved from the tester carry no card.
      where: { label: { in: ['fraud', 'legit'] }, cardId: { not: null }, ...(since ? { labelledAt: { gt: since } } : {}) },
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

export async function snapshotLabels(input: SnapshotLabelsInput, who: Principal | null): Promise<ImportedVersion> {
  const started = performance.now();
  const rows = await labelledTransactionRows();
  const extra = new Set<string>(rows.flatMap((r) => Object.keys(r)));
  if (!rows.length) throw unprocessable('no_labels', 'No transaction has a label yet. Label some in the review queue (fraud and legit) first.');
  const positives = rows.filter((r) => r.is_fraud === 1).length;
  if (positives === 0 || positives === rows.length) {
    throw unprocessable('unusable_labels', `All ${rows.length} labelled transactions are ${positives ? 'fraud' : 'legit'}; training needs both classes.`);
  }
  const known = SPARKOV_COLUMNS.filter((c) => extra.has(c) && c !== 'is_fraud');
  const columns = [...known, ...[...extra].filter((c) => !known.includes(c as never) && c !== 'is_fraud').sort(), 'is_fraud'];
  const prepared = prepareRows({
    name: input.name ?? labelsDatasetName(input.kind), kind: input.kind, source: 'labels', rows, columns,
    labelColumn: 'is_fraud', timeColumn: 'unix_time', idColumn: 'trans_num', createdById: who?.kind === 'user' ? who.id : null,
  });
  const stored = await storeVersion(prepared, undefined, who);
  return { ...stored, createdAt: stored.createdAt.toISOString(), seconds: (performance.now() - started) / 1000 };
}
