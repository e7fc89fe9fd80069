// Search over every transaction (labelled or not) for the transactions page, its paging API and the CSV export.
// Newest first on @@index([occurredAt]); paging is a keyset cursor (the last id), and the total is counted
// only for the first page so a deep page never re-counts a huge filtered set.
import type { Prisma } from '@/lib/generated/sqlite/client';
import type { Served } from '@/lib/schemas/responses/served';
import type { SearchPage } from '@/lib/schemas/responses/transactions';
import type { TransactionSearchQuery } from '@/lib/schemas/transaction-search';
import { db } from '../platform/db';
import { DAY_MS } from '../platform/days';

const EXPORT_BATCH = 1_000;

export const COUNT_CAP = 10_000;

export const SEARCH_ROW = {
  id: true, externalId: true, occurredAt: true, cardId: true, email: true, amount: true, merchant: true, category: true,
  score: true, decision: true, label: true, labelledAt: true, modelVersionId: true,
} as const;

export function searchWhere(q: TransactionSearchQuery): Prisma.TransactionWhereInput {
  const and: Prisma.TransactionWhereInput[] = [];
  if (q.q) and.push({ OR: [{ externalId: { contains: q.q } }, { merchant: { contains: q.q } }, { cardId: { contains: q.q } }] });
  if (q.decision) and.push({ decision: q.decision === 'unscored' ? null : q.decision });
  if (q.label) and.push({ label: q.label === 'unlabelled' ? null : q.label });
  if (q.category) and.push({ category: q.category });
  if (q.minAmount !== undefined) and.push({ amount: { gte: q.minAmount } });
  if (q.maxAmount !== undefined) and.push({ amount: { lte: q.maxAmount } });
  if (q.from) and.push({ occurredAt: { gte: new Date(q.from) } });
  // `to` is inclusive of the whole day.
  if (q.to) and.push({ occurredAt: { lt: new Date(new Date(q.to).getTime() + DAY_MS) } });
  return and.length ? { AND: and } : {};
}

const ORDER: Prisma.TransactionOrderByWithRelationInput[] = [{ occurredAt: 'desc' }, { id: 'desc' }];

export async function searchTransactions(q: TransactionSearchQuery): Promise<Served<typeof SearchPage>> {
  const where = searchWhere(q);
  const [rows, total] = await Promise.all([
    db().transaction.findMany({ where, select: SEARCH_ROW, orderBy: ORDER, take: q.limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) }),
    // Counting stops at COUNT_CAP: an exact count of a huge filtered set is a full scan nobody needs.
    q.cursor ? Promise.resolve(null) : db().transaction.count({ where, take: COUNT_CAP + 1 }),
  ]);
  const items = rows.slice(0, q.limit);
  return { items, total: total === null ? null : Math.min(total, COUNT_CAP), totalCapped: total !== null && total > COUNT_CAP, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
}

export const CSV_COLUMNS = ['id', 'externalId', 'occurredAt', 'cardId', 'email', 'amount', 'merchant', 'category', 'score', 'decision', 'label', 'labelledAt', 'modelVersionId'] as const;
type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/** Every matching row, in batches, for streaming: memory stays flat however large the export. */
export async function* exportTransactions(q: Omit<TransactionSearchQuery, 'cursor' | 'limit'>): AsyncGenerator<CsvRow[]> {
  const where = searchWhere({ ...q, limit: EXPORT_BATCH });
  let cursor: string | undefined;
  for (;;) {
    const rows = await db().transaction.findMany({ where, select: SEARCH_ROW, orderBy: ORDER, take: EXPORT_BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    if (!rows.length) return;
    yield rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString(), labelledAt: r.labelledAt?.toISOString() ?? null }));
    if (rows.length < EXPORT_BATCH) return;
    cursor = rows.at(-1)!.id;
  }
}

/** Who set a label: a person's email, or an API token's name. */
export async function labellerName(id: string | null): Promise<string | null> {
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { email: true } });
  if (user) return user.email;
  return (await db().apiToken.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}
