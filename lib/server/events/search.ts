// Reading events: filtered, cursor-paged lists and one event with its entities' recent events. Every event
// leaves through maskEvent, so a sensitive field is never shown whole.
import type { Prisma } from '@/lib/generated/sqlite/client';
import type { EventSearchQuery } from '@/lib/schemas/events';
import { db } from '../platform/db';
import { notFound } from '../platform/http';
import { definitionOf } from './event-types';
import { maskEntityKey, maskEvent } from './mask';
import { fromExactJson } from './state';
import type { Reason } from '@/lib/schemas/responses/common';

export const EVENT_ITEM = {
  id: true, eventType: true, typeVersion: true, externalId: true, occurredAt: true, amount: true, payload: true, features: true,
  score: true, modelVersionId: true, decision: true, reasons: true, shadowScore: true, shadowModelVersionId: true,
  label: true, labelledById: true, labelledAt: true, version: true, createdAt: true,
} as const;
export type EventItem = Prisma.EventGetPayload<{ select: typeof EVENT_ITEM }>;

const PANEL_EVENTS = 20;

function dayEnd(s: string) {
  // A bare date as `to` means the whole of that day.
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(Date.parse(s) + 86_400_000) : new Date(Date.parse(s) + 1);
}

export function eventWhere(q: Omit<EventSearchQuery, 'cursor' | 'limit'>): Prisma.EventWhereInput {
  const where: Prisma.EventWhereInput = {};
  if (q.type) where.eventType = q.type;
  if (q.decision) where.decision = q.decision === 'unscored' ? null : q.decision;
  if (q.label) where.label = q.label === 'unlabelled' ? null : q.label;
  if (q.from || q.to) where.occurredAt = { ...(q.from ? { gte: new Date(Date.parse(q.from)) } : {}), ...(q.to ? { lt: dayEnd(q.to) } : {}) };
  if (q.q) where.externalId = { startsWith: q.q };
  if (q.minAmount !== undefined || q.maxAmount !== undefined) where.amount = { ...(q.minAmount !== undefined ? { gte: q.minAmount } : {}), ...(q.maxAmount !== undefined ? { lte: q.maxAmount } : {}) };
  if (q.entity) {
    // A semi-join on the entity links (indexed by type, entity, key), not a list of ids: no bound-parameter limit.
    const at = q.entity.indexOf(':');
    where.entities = { some: { entity: q.entity.slice(0, at), key: q.entity.slice(at + 1), ...(q.type ? { eventType: q.type } : {}) } };
  }
  return where;
}

/** Masks a page of events, each with the definition version it was stored under; features as an object. */
export async function maskAll<E extends { eventType: string; typeVersion: number; externalId: string; payload: unknown; features?: unknown }>(events: E[]): Promise<E[]> {
  const out: E[] = [];
  for (const e of events) {
    const masked = maskEvent((await definitionOf(e.eventType, e.typeVersion)).definition, e);
    out.push('features' in e ? { ...masked, features: fromExactJson(e.features) } : masked);
  }
  return out;
}

/** An event as the API answers it (lib/schemas/responses/events): reasons is a JSON column the scorer writes as Reason[]. */
export const eventItemView = <E extends { reasons: unknown }>(e: E) => ({ ...e, reasons: e.reasons as Reason[] | null });

/** Newest first; the cursor is the last item's id. The route checks the answer against EventPage. */
export async function searchEvents(q: EventSearchQuery) {
  if (q.type) await definitionOf(q.type); // 404 for an unknown type rather than an empty page
  const where = eventWhere(q);
  const rows = await db().event.findMany({
    where, select: EVENT_ITEM, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { items: (await maskAll(page)).map(eventItemView), nextCursor: rows.length > q.limit ? page.at(-1)!.id : null };
}

/** One event with a panel per entity it carries: that entity's latest events of the type. */
export async function getEvent(id: string) {
  const event = await db().event.findUnique({ where: { id }, select: EVENT_ITEM });
  if (!event) throw notFound('Event');
  const { definition } = await definitionOf(event.eventType, event.typeVersion);
  const links = await db().eventEntity.findMany({ where: { eventId: id }, orderBy: [{ entity: 'asc' }, { key: 'asc' }] });
  const entities = [];
  for (const link of links) {
    const recent = await db().eventEntity.findMany({
      where: { eventType: event.eventType, entity: link.entity, key: link.key }, orderBy: { occurredAt: 'desc' }, take: PANEL_EVENTS, select: { eventId: true },
    });
    const events = await db().event.findMany({
      where: { id: { in: recent.map((r) => r.eventId) } }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      select: { id: true, eventType: true, typeVersion: true, externalId: true, occurredAt: true, amount: true, score: true, decision: true, label: true, payload: true },
    });
    const count = await db().eventEntity.count({ where: { eventType: event.eventType, entity: link.entity, key: link.key } });
    entities.push({ entity: link.entity, key: maskEntityKey(definition, link.entity, link.key), count, events: await maskAll(events) });
  }
  const [shown] = (await maskAll([event])).map(eventItemView);
  return { ...shown, entities };
}
