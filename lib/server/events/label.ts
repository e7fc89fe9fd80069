// Labels on events with optimistic concurrency: a stale `version` is a 409 saying who labelled it, never an overwrite.
import type { EventLabelInput } from '@/lib/schemas/events';
import { recordAudit } from '../access/audit';
import { db } from '../platform/db';
import { ApiError, notFound } from '../platform/http';
import type { Principal } from '../access/principal';
import { EVENT_ITEM, maskAll } from './search';

export async function labelEvent(id: string, input: EventLabelInput, actor: Principal) {
  const { count } = await db().event.updateMany({
    where: { id, ...(input.version !== undefined ? { version: input.version } : {}) },
    data: { label: input.label, labelledById: actor.id, labelledAt: new Date(), version: { increment: 1 } },
  });
  const current = await db().event.findUnique({ where: { id }, select: EVENT_ITEM });
  if (!current) throw notFound('Event');
  if (count === 0) {
    const by = current.labelledById ? await labeller(current.labelledById) : null;
    throw new ApiError(409, 'conflict', `This event changed since you loaded it (now version ${current.version}${current.label ? `, labelled ${current.label} by ${by ?? 'someone'}` : ''}). Reload and try again.`);
  }
  await recordAudit(actor, { action: 'event.label', targetType: 'event', targetId: id, after: { label: input.label, eventType: current.eventType } });
  return (await maskAll([current]))[0];
}

async function labeller(id: string) {
  const user = await db().user.findUnique({ where: { id }, select: { email: true } });
  if (user) return user.email;
  return (await db().apiToken.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}
