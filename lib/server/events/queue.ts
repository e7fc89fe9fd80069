// The review queue of one event type: unlabelled review and block events, highest risk first.
import type { Prisma } from '@/lib/generated/sqlite/client';
import type { EventQueuePage } from '@/lib/schemas/responses/events';
import type { Served } from '@/lib/schemas/responses/served';
import type { QueueQuery } from '@/lib/schemas/reviews';
import { db } from '../platform/db';
import { definitionOf } from './event-types';
import { EVENT_ITEM, eventItemView, maskAll } from './search';

export async function eventReviewQueue(q: QueueQuery & { type?: string }): Promise<Served<typeof EventQueuePage>> {
  const type = q.type!;
  await definitionOf(type); // 404 for an unknown type
  const where: Prisma.EventWhereInput = {
    eventType: type,
    label: null,
    decision: q.band === 'all' ? { in: ['review', 'block'] } : q.band,
    ...(q.minAmount !== undefined || q.maxAmount !== undefined ? { amount: { ...(q.minAmount !== undefined ? { gte: q.minAmount } : {}), ...(q.maxAmount !== undefined ? { lte: q.maxAmount } : {}) } } : {}),
    ...(q.from || q.to ? { occurredAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(new Date(q.to).getTime() + 86_400_000) } : {}) } } : {}),
    ...(q.model ? { modelVersionId: q.model } : {}),
  };
  const [items, total] = await Promise.all([
    db().event.findMany({ where, select: EVENT_ITEM, orderBy: [{ score: 'desc' }, { id: 'asc' }], take: q.limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) }),
    db().event.count({ where }),
  ]);
  const page = items.slice(0, q.limit);
  return { type, items: (await maskAll(page)).map(eventItemView), total, nextCursor: items.length > q.limit ? page.at(-1)!.id : null };
}
