// Reading and labelling card transactions and saved email checks as the first releases' API did, over the events
// of the built-in card_transaction and email types: the rows keep their old field names (cardId, merchant, …).
import type { Prisma } from '@/lib/generated/sqlite/client';
import type { Reason } from '@/lib/schemas/responses/common';
import type { Served } from '@/lib/schemas/responses/served';
import type { BulkLabelResult, QueueItem, QueuePage, SearchPage } from '@/lib/schemas/responses/transactions';
import type { Label, QueueQuery } from '@/lib/schemas/reviews';
import { LEGACY_KIND_TYPES } from '@/lib/schemas/scope';
import type { TransactionSearchQuery } from '@/lib/schemas/transaction-search';
import { recordAudit } from '../access/audit';
import type { Principal } from '../access/principal';
import { db } from '../platform/db';
import { DAY_MS } from '../platform/days';
import { ApiError, notFound } from '../platform/http';
import { payloadField } from '../events/payload-filter';

const LEGACY_TYPES = Object.values(LEGACY_KIND_TYPES);
const EXPORT_BATCH = 1_000;
export const COUNT_CAP = 10_000;

const ROW = {
  id: true, externalId: true, occurredAt: true, amount: true, payload: true, score: true, decision: true, label: true, labelledAt: true,
  modelVersionId: true, reasons: true, labelledById: true, version: true,
} as const;
type EventRow = Prisma.EventGetPayload<{ select: typeof ROW }>;

const text = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));

/** An event as a transaction row: the payload's Sparkov (or email) fields under their old names. */
function asRow(e: EventRow) {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  return {
    id: e.id, externalId: e.externalId, occurredAt: e.occurredAt, cardId: text(p.cc_num), email: text(p.email), amount: e.amount,
    merchant: text(p.merchant), category: text(p.category), score: e.score, decision: e.decision, label: e.label, labelledAt: e.labelledAt,
    modelVersionId: e.modelVersionId,
  };
}
const asQueueItem = (e: EventRow) => ({ ...asRow(e), reasons: e.reasons as Reason[] | null, labelledById: e.labelledById, version: e.version });

function searchWhere(q: Omit<TransactionSearchQuery, 'cursor' | 'limit'>): Prisma.EventWhereInput {
  const and: Prisma.EventWhereInput[] = [{ eventType: { in: LEGACY_TYPES } }];
  // The card and merchant are entity keys: matched through the entity links.
  if (q.q) and.push({ OR: [{ externalId: { contains: q.q } }, { entities: { some: { entity: { in: ['card', 'merchant'] }, key: { contains: q.q } } } }] });
  if (q.decision) and.push({ decision: q.decision === 'unscored' ? null : q.decision });
  if (q.label) and.push({ label: q.label === 'unlabelled' ? null : q.label });
  if (q.category) and.push(payloadField('category', { equals: q.category }));
  if (q.minAmount !== undefined) and.push({ amount: { gte: q.minAmount } });
  if (q.maxAmount !== undefined) and.push({ amount: { lte: q.maxAmount } });
  if (q.from) and.push({ occurredAt: { gte: new Date(q.from) } });
  // `to` is inclusive of the whole day.
  if (q.to) and.push({ occurredAt: { lt: new Date(new Date(q.to).getTime() + DAY_MS) } });
  return { AND: and };
}

const ORDER: Prisma.EventOrderByWithRelationInput[] = [{ occurredAt: 'desc' }, { id: 'desc' }];

export async function searchTransactions(q: TransactionSearchQuery): Promise<Served<typeof SearchPage>> {
  const where = searchWhere(q);
  const [rows, total] = await Promise.all([
    db().event.findMany({ where, select: ROW, orderBy: ORDER, take: q.limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) }),
    // Counting stops at COUNT_CAP: an exact count of a huge filtered set is a full scan nobody needs.
    q.cursor ? Promise.resolve(null) : db().event.count({ where, take: COUNT_CAP + 1 }),
  ]);
  const items = rows.slice(0, q.limit);
  return { items: items.map(asRow), total: total === null ? null : Math.min(total, COUNT_CAP), totalCapped: total !== null && total > COUNT_CAP, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
}

export const CSV_COLUMNS = ['id', 'externalId', 'occurredAt', 'cardId', 'email', 'amount', 'merchant', 'category', 'score', 'decision', 'label', 'labelledAt', 'modelVersionId'] as const;
type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/** Every matching row, in batches, for streaming: memory stays flat however large the export. */
export async function* exportTransactions(q: Omit<TransactionSearchQuery, 'cursor' | 'limit'>): AsyncGenerator<CsvRow[]> {
  const where = searchWhere(q);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db().event.findMany({ where, select: ROW, orderBy: ORDER, take: EXPORT_BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    if (!rows.length) return;
    yield rows.map(asRow).map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString(), labelledAt: r.labelledAt?.toISOString() ?? null }));
    if (rows.length < EXPORT_BATCH) return;
    cursor = rows.at(-1)!.id;
  }
}

function queueWhere(q: QueueQuery): Prisma.EventWhereInput {
  return {
    eventType: { in: LEGACY_TYPES },
    label: null,
    decision: q.band === 'all' ? { in: ['review', 'block'] } : q.band,
    ...(q.minAmount !== undefined || q.maxAmount !== undefined ? { amount: { ...(q.minAmount !== undefined ? { gte: q.minAmount } : {}), ...(q.maxAmount !== undefined ? { lte: q.maxAmount } : {}) } } : {}),
    ...(q.category ? payloadField('category', { equals: q.category }) : {}),
    ...(q.from || q.to ? { occurredAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(new Date(q.to).getTime() + DAY_MS) } : {}) } } : {}),
    ...(q.model ? { modelVersionId: q.model } : {}),
  };
}

/** Unlabelled review and block items of both built-in types, highest risk first; the cursor is the last id. */
export async function reviewQueue(q: QueueQuery): Promise<Served<typeof QueuePage>> {
  const where = queueWhere(q);
  const [items, total] = await Promise.all([
    db().event.findMany({ where, select: ROW, orderBy: [{ score: 'desc' }, { id: 'asc' }], take: q.limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) }),
    db().event.count({ where }),
  ]);
  const page = items.slice(0, q.limit);
  return { items: page.map(asQueueItem), total, nextCursor: items.length > q.limit ? page.at(-1)!.id : null };
}

/** Optimistic concurrency on the event's version: a stale one is a 409 saying who labelled it. */
export async function labelTransaction(id: string, label: Label | null, expectedVersion: number, actor: Principal): Promise<Served<typeof QueueItem>> {
  const { count } = await db().event.updateMany({
    where: { id, version: expectedVersion },
    data: { label, labelledById: label ? actor.id : null, labelledAt: label ? new Date() : null, version: { increment: 1 } },
  });
  const current = await db().event.findUnique({ where: { id }, select: ROW });
  if (!current) throw notFound('Transaction');
  if (count === 0) {
    const who = await labellerName(current.labelledById);
    throw new ApiError(409, 'conflict', `This item changed since you loaded it${current.label ? `: ${who ?? 'someone'} labelled it ${current.label}` : ''}. Reload and try again.`);
  }
  await recordAudit(actor, { action: label ? 'transaction.label' : 'transaction.unlabel', targetType: 'transaction', targetId: id, after: { label } });
  return asQueueItem(current);
}

/** Each item keeps its own version check; conflicts are reported per item and the rest are labelled. */
export async function bulkLabel(items: { id: string; expectedVersion: number }[], label: Label, actor: Principal): Promise<BulkLabelResult> {
  const results: BulkLabelResult['results'] = [];
  for (const item of items) {
    try {
      const t = await labelTransaction(item.id, label, item.expectedVersion, actor);
      results.push({ id: item.id, ok: true, version: t.version });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      results.push({ id: item.id, ok: false, error: { code: err.code, message: err.message } });
    }
  }
  return { results, labelled: results.filter((r) => r.ok).length };
}

/** One item with its card's recent payments and the scoring version by name ("fraud-gbdt v3"). */
export async function transactionDetail(id: string) {
  const e = await db().event.findUnique({ where: { id }, select: { ...ROW, eventType: true, shadowScore: true, shadowModelVersionId: true } });
  if (!e) throw notFound('Transaction');
  const item = asQueueItem(e);
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const recent = item.cardId
    ? (await db().event.findMany({ where: { eventType: e.eventType, entities: { some: { entity: 'card', key: item.cardId } }, NOT: { id } }, orderBy: { occurredAt: 'desc' }, take: 20, select: ROW })).map(asRow)
      .map(({ id: rid, externalId, occurredAt, amount, merchant, category, score, decision, label }) => ({ id: rid, externalId, occurredAt, amount, merchant, category, score, decision, label }))
    : [];
  const version = e.modelVersionId ? await db().modelVersion.findUnique({ where: { id: e.modelVersionId }, select: { version: true, model: { select: { name: true } } } }) : null;
  return {
    ...item, payload: e.payload, shadowScore: e.shadowScore, shadowModelVersionId: e.shadowModelVersionId,
    customerId: [p.first, p.last].filter(Boolean).join(' ') || null,
    modelVersionName: version ? `${version.model.name} v${version.version}` : null, recent,
  };
}

/** Who set a label: a person's email, or an API token's name. */
export async function labellerName(id: string | null): Promise<string | null> {
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { email: true } });
  if (user) return user.email;
  return (await db().apiToken.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}
