// The analyst's review queue and labels. Labels use optimistic concurrency on Transaction.version:
// two analysts labelling one item → the second gets a 409 that says who labelled it, never an overwrite.
import type { Reason } from '@/lib/schemas/responses/common';
import type { Served } from '@/lib/schemas/responses/served';
import type { BulkLabelResult, QueueItem, QueuePage } from '@/lib/schemas/responses/transactions';
import type { Label, QueueQuery } from '@/lib/schemas/reviews';
import { recordAudit } from '../access/audit';
import { db } from '../platform/db';
import { ApiError, notFound } from '../platform/http';
import type { Principal } from '../access/principal';

const ITEM = {
  id: true, externalId: true, occurredAt: true, cardId: true, email: true, amount: true, merchant: true, category: true,
  score: true, decision: true, reasons: true, modelVersionId: true, label: true, labelledById: true, labelledAt: true, version: true,
} as const;

function queueWhere(q: QueueQuery) {
  return {
    label: null,
    decision: q.band === 'all' ? { in: ['review', 'block'] } : q.band,
    ...(q.minAmount !== undefined || q.maxAmount !== undefined ? { amount: { ...(q.minAmount !== undefined ? { gte: q.minAmount } : {}), ...(q.maxAmount !== undefined ? { lte: q.maxAmount } : {}) } } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.from || q.to ? { occurredAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(new Date(q.to).getTime() + 86_400_000) } : {}) } } : {}),
    ...(q.model ? { modelVersionId: q.model } : {}),
  };
}

/** Unlabelled review and block items, highest risk first; the cursor is the last item's id. */
/** reasons is a JSON column the scorer writes as Reason[]. */
const queueItem = <T extends { reasons: unknown }>(t: T) => ({ ...t, reasons: t.reasons as Reason[] | null });

export async function reviewQueue(q: QueueQuery): Promise<Served<typeof QueuePage>> {
  const where = queueWhere(q);
  const [items, total] = await Promise.all([
    db().transaction.findMany({
      where, select: ITEM, orderBy: [{ score: 'desc' }, { id: 'asc' }], take: q.limit + 1,
      ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    }),
    db().transaction.count({ where }),
  ]);
  const page = items.slice(0, q.limit);
  return { items: page.map(queueItem), total, nextCursor: items.length > q.limit ? page.at(-1)!.id : null };
}

export async function labelTransaction(id: string, label: Label | null, expectedVersion: number, actor: Principal): Promise<Served<typeof QueueItem>> {
  const { count } = await db().transaction.updateMany({
    where: { id, version: expectedVersion },
    data: { label, labelledById: label ? actor.id : null, labelledAt: label ? new Date() : null, version: { increment: 1 } },
  });
  const current = await db().transaction.findUnique({ where: { id }, select: ITEM });
  if (!current) throw notFound('Transaction');
  if (count === 0) {
    const who = current.labelledById ? await labeller(current.labelledById) : null;
    throw new ApiError(409, 'conflict', `This item changed since you loaded it${current.label ? `: ${who ?? 'someone'} labelled it ${current.label}` : ''}. Reload and try again.`);
  }
  await recordAudit(actor, { action: label ? 'transaction.label' : 'transaction.unlabel', targetType: 'transaction', targetId: id, after: { label } });
  return queueItem(current);
}

async function labeller(id: string) {
  const user = await db().user.findUnique({ where: { id }, select: { email: true } });
  return user?.email ?? (await db().apiToken.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
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

export async function transactionDetail(id: string) {
  const t = await db().transaction.findUnique({ where: { id }, select: { ...ITEM, payload: true, shadowScore: true, shadowModelVersionId: true, customerId: true, modelVersion: { select: { version: true, model: { select: { name: true } } } } } });
  if (!t) throw notFound('Transaction');
  const { modelVersion, ...item } = t;
  const recent = t.cardId
    ? await db().transaction.findMany({ where: { cardId: t.cardId, NOT: { id } }, orderBy: { occurredAt: 'desc' }, take: 20, select: { id: true, externalId: true, occurredAt: true, amount: true, merchant: true, category: true, score: true, decision: true, label: true } })
    : [];
  // The scoring version by name ("fraud-gbdt v3"), so the item page need not show a bare id.
  return { ...item, modelVersionName: modelVersion ? `${modelVersion.model.name} v${modelVersion.version}` : null, recent };
}
